import { toJsonSchema, toJsonSchemaDefs } from '@valibot/to-json-schema'
import type * as v from 'valibot'

export type JsonSchema = Record<string, unknown>

/** Where the document keeps named schemas; every `$ref` the converter writes points here. */
const COMPONENTS = '#/components/schemas/'

/**
 * Turns valibot schemas into JSON Schema 2020-12 (what OpenAPI 3.1 speaks) with
 * @valibot/to-json-schema. `named` schemas (shared shapes, recursive ones) become
 * `components.schemas` entries that every use refers to.
 *
 * What JSON Schema cannot say (trim, lower-casing, transforms, custom checks) is left out
 * (`errorMode: 'ignore'`): the document then describes a little more than the server accepts,
 * never less, and a schema a future route adds can never stop the server from starting.
 * Request sides are read as `input` (what a client sends, before transforms), answers as
 * `output`.
 */
export class SchemaConverter {
  private readonly hoisted: Record<string, JsonSchema> = {}
  private conversions = 0

  constructor(private readonly named: Readonly<Record<string, v.GenericSchema>>) {}

  /** Routes share schemas (a request answer, the error shape): each is converted once per side. */
  private readonly converted = {
    input: new WeakMap<object, JsonSchema>(),
    output: new WeakMap<object, JsonSchema>(),
  }

  convert(schema: v.GenericSchema, side: 'input' | 'output'): JsonSchema {
    const known = this.converted[side].get(schema)
    if (known) return known
    const result = this.convertOnce(schema, side)
    this.converted[side].set(schema, result)
    return result
  }

  private convertOnce(schema: v.GenericSchema, side: 'input' | 'output'): JsonSchema {
    // An unnamed lazy schema gets a definition of its own in this conversion only; it is hoisted
    // into the components under a name no other conversion uses.
    const prefix = `Inline${++this.conversions}_`
    const converted = toJsonSchema(schema, {
      target: 'draft-2020-12',
      errorMode: 'ignore',
      typeMode: side,
      definitions: { ...this.named },
      overrideRef: ({ referenceId }) =>
        `${COMPONENTS}${referenceId in this.named ? referenceId : prefix + referenceId}`,
    }) as JsonSchema
    const { $schema: _dialect, $defs, ...rest } = converted
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      if (!(id in this.named)) this.hoisted[prefix + id] = definition
    }
    return rest
  }

  /** The named schemas (as answers describe them) and whatever conversions hoisted so far. */
  components(): Record<string, JsonSchema> {
    const prefix = 'Named_'
    const definitions = toJsonSchemaDefs(this.named, {
      target: 'draft-2020-12',
      errorMode: 'ignore',
      typeMode: 'output',
      overrideRef: ({ referenceId }) =>
        `${COMPONENTS}${referenceId in this.named ? referenceId : prefix + referenceId}`,
    }) as Record<string, JsonSchema>
    const named: Record<string, JsonSchema> = {}
    for (const [id, definition] of Object.entries(definitions)) {
      named[id in this.named ? id : prefix + id] = definition
    }
    return { ...named, ...this.hoisted }
  }
}
