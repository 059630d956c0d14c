// /docs/api's field tables: a JSON Schema read as rows a person can scan.
import { describe, expect, it } from 'vitest'
import { constraintsOf, fieldRows, typeName } from '../../../src/server/openapi/schema-fields'

describe('fieldRows', () => {
  it('spells out nested objects and arrays of objects with dotted names', () => {
    const rows = fieldRows({
      type: 'object',
      required: ['request'],
      properties: {
        request: {
          type: 'object',
          required: ['tags'],
          properties: {
            tags: {
              type: 'array',
              items: { type: 'object', properties: { name: { type: 'string', maxLength: 40 } } },
            },
            note: { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'The note.' },
          },
        },
      },
    })
    expect(rows.map((row) => [row.name, row.type, row.required, row.description])).toEqual([
      ['request', 'object', true, ''],
      ['request.tags', 'object[]', true, ''],
      ['request.tags[].name', 'string', false, 'At most 40 characters.'],
      ['request.note', 'string | null', false, 'The note.'],
    ])
  })

  it('names a shared shape and links it, alone or as array items', () => {
    const rows = fieldRows({
      type: 'object',
      properties: {
        one: { $ref: '#/components/schemas/FeedbackRequest' },
        many: { type: 'array', items: { $ref: '#/components/schemas/FeedbackComment' } },
      },
    })
    expect(rows.map((row) => [row.type, row.ref])).toEqual([
      ['FeedbackRequest', 'FeedbackRequest'],
      ['FeedbackComment[]', 'FeedbackComment'],
    ])
  })

  it('reads a body that is one of several objects as every field, required where all require it', () => {
    const rows = fieldRows({
      anyOf: [
        {
          type: 'object',
          required: ['body'],
          properties: { body: { type: 'string' }, internal: { type: 'boolean' } },
        },
        {
          type: 'object',
          required: ['body', 'onBehalfOf'],
          properties: {
            body: { type: 'string' },
            onBehalfOf: { type: 'object', properties: { sub: { type: 'string' } } },
          },
        },
      ],
    })
    expect(rows.map((row) => [row.name, row.type, row.required])).toEqual([
      ['body', 'string', true],
      ['internal', 'boolean', false],
      ['onBehalfOf', 'object', false],
      ['onBehalfOf.sub', 'string', false],
    ])
  })
})

describe('typeName and constraintsOf', () => {
  it('say what a value may be in a few words', () => {
    expect(typeName({ enum: ['top', 'new'], type: 'string' })).toBe('"top" | "new"')
    expect(typeName({ const: 'ok' })).toBe('"ok"')
    expect(typeName({})).toBe('any')
    expect(constraintsOf({ type: 'string', minLength: 1, maxLength: 160 })).toBe(
      '1–160 characters.',
    )
    expect(constraintsOf({ enum: ['top', 'new'], type: 'string', default: 'top' })).toBe(
      'Default "top".',
    )
    expect(constraintsOf({ anyOf: [{ type: 'string', maxLength: 1000 }, { type: 'null' }] })).toBe(
      'At most 1000 characters.',
    )
  })
})
