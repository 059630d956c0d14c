/**
 * Reading the OpenAPI document in tests: which operation a concrete request hits, and whether
 * an answer matches what the document says for its status (ajv, JSON Schema 2020-12).
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { OpenApiDocument, OpenApiOperation } from '../../src/server/openapi/document'

type Json = Record<string, unknown>

/** `/v1/projects/{projectId}/requests` matches `/v1/projects/p1/requests`, one segment per parameter. */
export function templateMatches(template: string, path: string): boolean {
  const pattern = template
    .split(/\{[^}]+\}/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+')
  return new RegExp(`^${pattern}$`).test(path)
}

/**
 * The operation a request hits: the template that matches with the most literal characters wins
 * (`/requests/{requestId}` against `/requests/{requestId}/comments`, `changelog.xml` against
 * `{path}`), as the router picks its most specific route.
 */
export function findOperation(
  document: OpenApiDocument,
  method: string,
  path: string,
): { template: string; operation: OpenApiOperation } | null {
  const candidates = Object.entries(document.paths)
    .filter(([template, item]) => templateMatches(template, path) && item[method.toLowerCase()])
    .sort(([a], [b]) => literalLength(b) - literalLength(a))
  const [template, item] = candidates[0] ?? []
  const operation = item?.[method.toLowerCase()]
  return template && operation ? { template, operation } : null
}

const literalLength = (template: string) => template.replace(/\{[^}]+\}/g, '').length

/** Follows `#/components/...` pointers inside the document. */
export function resolveRef(document: OpenApiDocument, value: Json): Json {
  const ref = value.$ref
  if (typeof ref !== 'string') return value
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document)
  if (!target) throw new Error(`${ref} does not resolve`)
  return resolveRef(document, target as Json)
}

export interface AnswerCheck {
  /** Null when the answer matches; else why not, in one line. */
  problem: string | null
}

/**
 * Validates answers against the document: the operation must list the status, and a JSON
 * answer must match that status's schema (components referenced as `$defs`).
 */
export function answerChecker(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  const components = ((document.components as Json).schemas ?? {}) as Json
  const asDefs = (schema: unknown) =>
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/$defs/'))
  const defs = asDefs(components)
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>()

  return (method: string, path: string, status: number, contentType: string, body: unknown) => {
    const found = findOperation(document, method, path)
    if (!found) return `${method} ${path}: no operation in the document`
    const label = `${method} ${found.template} ${status}`
    const listed = found.operation.responses[String(status)]
    if (!listed) {
      const statuses = Object.keys(found.operation.responses).join(', ')
      return `${label}: the document lists ${statuses}, not ${status}`
    }
    const response = resolveRef(document, listed as Json)
    const content = (response.content ?? {}) as Record<string, { schema?: Json }>
    const mediaType = contentType.split(';')[0]?.trim() ?? ''
    if (!mediaType) return Object.keys(content).length === 0 ? null : `${label}: no body answered`
    // A media type range (`*/*`, `text/*`) covers what it names.
    const documented =
      content[mediaType] ?? content[`${mediaType.split('/')[0]}/*`] ?? content['*/*']
    if (!documented) {
      return `${label}: answered ${mediaType}, the document says ${Object.keys(content).join(', ') || 'no body'}`
    }
    if (!mediaType.endsWith('json') || !documented.schema) return null
    const key = `${label} ${mediaType}`
    let validate = compiled.get(key)
    if (!validate) {
      validate = ajv.compile({ ...asDefs(documented.schema), $defs: defs })
      compiled.set(key, validate)
    }
    if (validate(body)) return null
    const errors = (validate.errors ?? [])
      .map(
        (error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`,
      )
      .join('; ')
    return `${label}: ${errors}`
  }
}
