// Issue 28: GET /v1/openapi.json is a structurally valid OpenAPI 3.1 document: every path's
// parameters declared, operation ids unique, every $ref resolving, every schema one a JSON
// Schema 2020-12 validator compiles.
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { operationIdOf } from '../../../src/server/openapi/document'
import { buildServedDocument } from '../../../src/server/openapi/served-document'
import { VERSION } from '../../../src/server/version'
import { BODY_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../../src/shared/limits'

const { document } = buildServedDocument()
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
)

/** Every `$ref` string anywhere in a JSON value, with where it was found. */
function refsIn(value: unknown, at = '#'): Array<{ ref: string; at: string }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => refsIn(item, `${at}/${index}`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string'
      ? [{ ref: inner, at }]
      : refsIn(inner, `${at}/${key}`),
  )
}

function resolves(ref: string): boolean {
  if (!ref.startsWith('#/')) return false
  let node: unknown = document
  for (const key of ref.slice(2).split('/')) {
    const name = key.replaceAll('~1', '/').replaceAll('~0', '~')
    if (node === null || typeof node !== 'object' || !(name in node)) return false
    node = (node as Record<string, unknown>)[name]
  }
  return node !== undefined
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 for this version of Reqio, served from the origin', () => {
    expect(document.openapi).toBe('3.1.0')
    expect(document.info).toMatchObject({ title: 'Reqio', version: VERSION })
    expect(document.servers).toEqual([{ url: '/' }])
    expect(operations.length).toBeGreaterThan(40)
  })

  it('declares every path parameter its template names, and no other', () => {
    const mismatched = operations.flatMap(({ path, method, operation }) => {
      const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort()
      const declared = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name as string)
        .sort()
      return JSON.stringify(inTemplate) === JSON.stringify(declared)
        ? []
        : [`${method} ${path}: template ${inTemplate} vs declared ${declared}`]
    })
    expect(mismatched).toEqual([])
  })

  it('gives every operation a unique id, a summary, a declared tag and at least one answer', () => {
    const ids = operations.map(({ operation }) => operation.operationId)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
    const tags = new Set((document.tags as Array<{ name: string }>).map((tag) => tag.name))
    const incomplete = operations
      .filter(
        ({ operation }) =>
          !operation.summary ||
          !operation.tags.every((tag) => tags.has(tag)) ||
          Object.keys(operation.responses).length === 0,
      )
      .map(({ method, path }) => `${method} ${path}`)
    expect(incomplete).toEqual([])
  })

  it('names operations after their method and path, the same way every time', () => {
    expect(operationIdOf('get', '/v1/projects/{projectId}/requests/{requestId}')).toBe(
      'getV1ProjectsByProjectIdRequestsByRequestId',
    )
    expect(operationIdOf('get', '/p/{projectId}/changelog.xml')).toBe('getPByProjectIdChangelogXml')
    expect(operationIdOf('get', '/')).toBe('getRoot')
  })

  it('resolves every $ref inside the document', () => {
    const refs = refsIn(document)
    expect(refs.length).toBeGreaterThan(50)
    expect(refs.filter(({ ref }) => !resolves(ref))).toEqual([])
  })

  it('asks only for security schemes it declares', () => {
    const schemes = Object.keys(
      (document.components as { securitySchemes: object }).securitySchemes,
    )
    expect(schemes.sort()).toEqual([
      'apiKey',
      'bearer',
      'identityToken',
      'metricsToken',
      'sessionCookie',
    ])
    const unknown = operations.flatMap(({ operation }) =>
      (operation.security ?? []).flatMap(Object.keys).filter((name) => !schemes.includes(name)),
    )
    expect(unknown).toEqual([])
  })

  it('holds only schemas a JSON Schema 2020-12 validator compiles, in strict mode', () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false })
    // The formats JSON Schema names (date-time, email, uri…) are known, as in any client's validator.
    addFormats.default(ajv)
    const components = (document.components as { schemas: Record<string, unknown> }).schemas
    const asDefs = (schema: unknown) =>
      JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/$defs/'))
    const $defs = asDefs(components)
    const failures: string[] = []
    const check = (where: string, schema: unknown) => {
      try {
        ajv.compile({ ...asDefs(schema), $defs })
      } catch (error) {
        failures.push(`${where}: ${(error as Error).message}`)
      }
    }
    for (const { path, method, operation } of operations) {
      for (const parameter of operation.parameters ?? [])
        check(`${method} ${path} ${parameter.name}`, parameter.schema)
      const body = (operation.requestBody as { content: Record<string, { schema: unknown }> })
        ?.content['application/json']?.schema
      if (body) check(`${method} ${path} body`, body)
      for (const [status, response] of Object.entries(operation.responses)) {
        const content = (response as { content?: Record<string, { schema: unknown }> }).content
        for (const [type, media] of Object.entries(content ?? {}))
          check(`${method} ${path} ${status} ${type}`, media.schema)
      }
    }
    expect(failures).toEqual([])
  })

  it('gives every error status the one error shape', () => {
    const responses = (document.components as { responses: Record<string, unknown> }).responses
    expect(Object.keys(responses)).toContain('Error400')
    for (const response of Object.values(responses)) {
      expect(response).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
      })
    }
  })

  it('describes bodies with the limits the routes validate with, required only when a field is', () => {
    const body = (path: string, method: string) =>
      document.paths[path]?.[method]?.requestBody as {
        required: boolean
        content: { 'application/json': { schema: Record<string, unknown> } }
      }
    const newRequest = body('/v1/projects/{projectId}/requests', 'post')
    expect(newRequest.required).toBe(true)
    expect(newRequest.content['application/json'].schema).toMatchObject({
      required: ['title'],
      properties: {
        title: { type: 'string', minLength: 1, maxLength: TITLE_MAX_LENGTH },
        body: { type: 'string', maxLength: BODY_MAX_LENGTH, default: '' },
      },
    })
    expect(body('/v1/projects/{projectId}/updates/read', 'post').required).toBe(false)
  })
})
