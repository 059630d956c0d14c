// The converter behind the OpenAPI document: valibot schemas in, JSON Schema 2020-12 out, named
// shapes referenced from components, and nothing a schema holds can stop the server starting.
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { SchemaConverter } from '../../../src/server/openapi/json-schema'

describe('SchemaConverter', () => {
  it('converts what JSON Schema cannot say (transforms, custom checks, dates) without throwing', () => {
    const converter = new SchemaConverter({})
    const schema = v.object({
      limit: v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number), v.minValue(1)),
      name: v.pipe(
        v.string(),
        v.trim(),
        v.check((text) => text !== 'x', 'not x'),
        v.maxLength(9),
      ),
      when: v.date(),
      anything: v.custom<string>((value) => typeof value === 'string'),
    })
    const input = converter.convert(schema, 'input')
    expect(input).toMatchObject({
      type: 'object',
      properties: {
        limit: { type: 'string', pattern: '^\\d+$' },
        name: { type: 'string', maxLength: 9 },
      },
    })
    expect(input).not.toHaveProperty('$schema')
    expect(() => converter.convert(schema, 'output')).not.toThrow()
  })

  it('refers to a named shape wherever that schema appears, and lists it once', () => {
    const Person = v.object({ sub: v.string() })
    const converter = new SchemaConverter({ Person })
    expect(converter.convert(v.object({ people: v.array(Person) }), 'output')).toMatchObject({
      properties: { people: { items: { $ref: '#/components/schemas/Person' } } },
    })
    expect(converter.components()).toEqual({
      Person: { type: 'object', properties: { sub: { type: 'string' } }, required: ['sub'] },
    })
  })

  it('hoists an unnamed recursive schema into the components under a name of its own', () => {
    type Tree = { children: Tree[] }
    const Tree: v.GenericSchema<Tree> = v.object({ children: v.array(v.lazy(() => Tree)) })
    const converter = new SchemaConverter({})
    const first = JSON.stringify(converter.convert(v.object({ tree: Tree }), 'output'))
    const second = JSON.stringify(converter.convert(v.object({ other: Tree }), 'output'))
    const components = converter.components()
    for (const ref of [
      ...first.matchAll(/"\$ref":"([^"]+)"/g),
      ...second.matchAll(/"\$ref":"([^"]+)"/g),
    ]) {
      const name = ref[1]?.replace('#/components/schemas/', '') ?? ''
      expect(components).toHaveProperty([name])
    }
    expect(Object.keys(components).length).toBe(2)
  })
})
