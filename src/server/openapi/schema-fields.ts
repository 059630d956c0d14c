import type { JsonSchema } from './json-schema'

/** One line of a field table on /docs/api. */
export interface FieldRow {
  /** Dotted from the top: `request.comments[].author.name`. */
  name: string
  type: string
  /** A named shape the type refers to (`FeedbackRequest`): the page links to it. */
  ref: string | null
  required: boolean
  description: string
}

const REF_PREFIX = '#/components/schemas/'
/** Deep enough for every answer's interesting fields; named shapes are listed once, apart. */
const MAX_DEPTH = 4

/**
 * A JSON Schema object flattened into rows a person can read: every property with its type,
 * nested objects and arrays of objects spelled out with dotted names, named shapes by name.
 */
export function fieldRows(schema: JsonSchema, prefix = '', depth = 0): FieldRow[] {
  const object = depth === 0 ? eitherObject(schema) : schema
  const properties = object.properties as Record<string, JsonSchema> | undefined
  if (!properties || depth > MAX_DEPTH) return []
  const required = new Set((object.required as string[] | undefined) ?? [])
  return Object.entries(properties).flatMap(([key, property]) => {
    const name = prefix + key
    const row: FieldRow = {
      name,
      type: typeName(property),
      ref: refName(property) ?? refName((property.items as JsonSchema | undefined) ?? {}),
      required: required.has(key),
      description: [
        typeof property.description === 'string' ? property.description : '',
        constraintsOf(property),
      ]
        .filter(Boolean)
        .join(' '),
    }
    const items = itemsOf(property)
    const nested = items
      ? fieldRows(items, `${name}[].`, depth + 1)
      : fieldRows(objectOf(property), `${name}.`, depth + 1)
    return [row, ...nested]
  })
}

/**
 * What a validator checks beyond the type, in words: `1–160 characters.`, `Default "top".`,
 * `Pattern ^\\d{1,3}$.` (of the value, or of the string option of a string-or-null).
 */
export function constraintsOf(schema: JsonSchema): string {
  const value = schema.type === 'string' ? schema : (optionOfType(schema, 'string') ?? schema)
  const parts: string[] = []
  const { minLength: min, maxLength: max } = value as { minLength?: number; maxLength?: number }
  if (min !== undefined && max !== undefined) parts.push(`${min}–${max} characters.`)
  else if (max !== undefined) parts.push(`At most ${max} characters.`)
  else if (min !== undefined) parts.push(`At least ${min} characters.`)
  if (typeof value.pattern === 'string') parts.push(`Pattern ${value.pattern}.`)
  if (typeof value.format === 'string') parts.push(`Format ${value.format}.`)
  const items = schema.maxItems as number | undefined
  if (items !== undefined) parts.push(`At most ${items} items.`)
  if (schema.minimum !== undefined) parts.push(`At least ${String(schema.minimum)}.`)
  if (schema.maximum !== undefined) parts.push(`At most ${String(schema.maximum)}.`)
  if ('default' in schema) parts.push(`Default ${JSON.stringify(schema.default)}.`)
  return parts.join(' ')
}

/** A short type: `string`, `"top" | "new"`, `FeedbackRequest[]`, `string | null`. */
export function typeName(schema: JsonSchema): string {
  const ref = refName(schema)
  if (ref) return ref
  if (Array.isArray(schema.enum))
    return schema.enum.map((value) => JSON.stringify(value)).join(' | ')
  if ('const' in schema) return JSON.stringify(schema.const)
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
  if (options) return options.map(typeName).join(' | ')
  if (schema.type === 'array') return `${typeName((schema.items as JsonSchema) ?? {})}[]`
  if (Array.isArray(schema.type)) return schema.type.join(' | ')
  if (typeof schema.type === 'string') return schema.type
  return 'any'
}

function refName(schema: JsonSchema): string | null {
  const ref = schema.$ref
  return typeof ref === 'string' && ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : null
}

/**
 * A body that is one of several objects (the admin comment: a team reply, or a customer's
 * comment with onBehalfOf) read as one: every field of any of them, required only when every
 * one requires it, the first object's description of a field kept.
 */
function eitherObject(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf as JsonSchema[] | undefined
  if (schema.properties || !options?.every((option) => option.properties)) return schema
  const properties: Record<string, JsonSchema> = {}
  for (const option of options)
    for (const [key, property] of Object.entries(option.properties as Record<string, JsonSchema>))
      properties[key] ??= property
  const required = Object.keys(properties).filter((key) =>
    options.every((option) => ((option.required as string[] | undefined) ?? []).includes(key)),
  )
  return { type: 'object', properties, required }
}

/** The object items of an array (or of an array-or-null), whose fields are worth listing. */
function itemsOf(schema: JsonSchema): JsonSchema | null {
  const array = schema.type === 'array' ? schema : optionOfType(schema, 'array')
  const items = array?.items as JsonSchema | undefined
  return items?.properties ? items : null
}

/** The object itself, or the object option of an object-or-null. */
function objectOf(schema: JsonSchema): JsonSchema {
  return schema.properties ? schema : (optionOfType(schema, 'object') ?? {})
}

function optionOfType(schema: JsonSchema, type: string): JsonSchema | null {
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
  return options?.find((option) => option.type === type) ?? null
}
