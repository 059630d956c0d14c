import { toJsonSchema } from '@valibot/to-json-schema'
import { describe, expect, it } from 'vitest'
import { ADMIN_ROUTE_PERMISSIONS } from '../../../src/server/auth/admin-route-permissions'
import type { RouteDeps } from '../../../src/server/http/env'
import {
  ADMIN_ROUTE_DOCS,
  ADMIN_TAG_DESCRIPTIONS,
} from '../../../src/server/openapi/routes/admin-index'
import { adminV3Docs } from '../../../src/server/openapi/routes/admin-v3'
import { adminRoutes } from '../../../src/server/routes/admin'

const asDocPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
const key = (doc: { method: string; path: string }) => `${doc.method.toUpperCase()} ${doc.path}`
/**
 * Routes are registered when the admin app is built and no handler runs here, so a stand-in for
 * its dependencies that answers anything to anything is enough to list them.
 */
function anythingGoes(): RouteDeps {
  const stub: unknown = new Proxy(() => {}, {
    get: (_target, property) =>
      property === 'then' ? undefined : property === Symbol.toPrimitive ? () => '' : stub,
    apply: () => stub,
  })
  return stub as RouteDeps
}

const pathParamsOf = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])

describe('the admin RouteDocs', () => {
  it('document every route of the admin permission table, with the same method and path', () => {
    const documented = new Set(ADMIN_ROUTE_DOCS.map(key))
    const missing = ADMIN_ROUTE_PERMISSIONS.map((rule) =>
      key({ method: rule.method, path: asDocPath(rule.path) }),
    ).filter((route) => !documented.has(route))
    expect(missing).toEqual([])
  })

  it('document every route the admin app serves', () => {
    const documented = new Set(ADMIN_ROUTE_DOCS.map(key))
    const served = adminRoutes(anythingGoes())
      .routes.filter((route) => route.method !== 'ALL')
      .map((route) => key({ method: route.method, path: `/v1/admin${asDocPath(route.path)}` }))
    expect(served.length).toBeGreaterThan(40)
    expect(served.filter((route) => !documented.has(route))).toEqual([])
  })

  it('find every route the admin app serves in the permission table (none falls to a default)', () => {
    const listed = new Set(
      ADMIN_ROUTE_PERMISSIONS.map((rule) =>
        key({ method: rule.method, path: asDocPath(rule.path) }),
      ),
    )
    const served = adminRoutes(anythingGoes())
      .routes.filter((route) => route.method !== 'ALL')
      .map((route) => key({ method: route.method, path: `/v1/admin${asDocPath(route.path)}` }))
    expect(served.filter((route) => !listed.has(route))).toEqual([])
  })

  it('group routes under tags that each have a sentence, and none without a route', () => {
    const tags = new Set(ADMIN_ROUTE_DOCS.map((doc) => doc.tag))
    expect([...tags].sort()).toEqual(Object.keys(ADMIN_TAG_DESCRIPTIONS).sort())
  })

  it('describe each route once, under /v1/admin, for the bearer token and the session cookie', () => {
    const keys = ADMIN_ROUTE_DOCS.map(key)
    expect(keys.filter((route, i) => keys.indexOf(route) !== i)).toEqual([])
    for (const doc of ADMIN_ROUTE_DOCS) {
      expect(doc.path, key(doc)).toMatch(/^\/v1\/admin\//)
      expect(doc.path, key(doc)).not.toContain(':')
      expect(doc.security, key(doc)).toEqual(['bearer', 'sessionCookie'])
    }
  })

  it('name exactly the path parameters each path carries, each with a meaning', () => {
    for (const doc of ADMIN_ROUTE_DOCS) {
      const named = Object.keys(doc.pathParams ?? {}).sort()
      expect(named, key(doc)).toEqual(pathParamsOf(doc.path).sort())
      for (const meaning of Object.values(doc.pathParams ?? {}))
        expect(meaning.length, key(doc)).toBeGreaterThan(0)
    }
  })

  it('answer at least one success, and list 401, 403 and every error once, in order', () => {
    for (const doc of ADMIN_ROUTE_DOCS) {
      const successes = Object.keys(doc.responses).map(Number)
      expect(successes.length, key(doc)).toBeGreaterThan(0)
      for (const status of successes) expect(status, key(doc)).toBeLessThan(300)
      const errors = doc.errors ?? []
      expect(errors, key(doc)).toEqual(expect.arrayContaining([401, 403]))
      expect(errors, key(doc)).toEqual([...new Set(errors)].sort((a, b) => a - b))
      if (doc.body) expect(errors, key(doc)).toEqual(expect.arrayContaining([400, 413]))
      if (doc.path.startsWith('/v1/admin/projects/{id}')) expect(errors, key(doc)).toContain(404)
    }
  })

  it('convert every answer schema to JSON Schema without losing anything', () => {
    for (const doc of ADMIN_ROUTE_DOCS)
      for (const [status, response] of Object.entries(doc.responses))
        if (response.schema)
          expect(
            () => toJsonSchema(response.schema!, { target: 'draft-2020-12', errorMode: 'throw' }),
            `${key(doc)} ${status}`,
          ).not.toThrow()
  })

  it('convert every body and query schema to a JSON object schema, or a choice of objects', () => {
    for (const doc of ADMIN_ROUTE_DOCS)
      for (const schema of [doc.body, doc.query])
        if (schema) {
          const converted = toJsonSchema(schema, { target: 'draft-2020-12', errorMode: 'ignore' })
          const types = converted.anyOf
            ? converted.anyOf.map((option) => (option as { type?: unknown }).type)
            : [converted.type]
          expect(new Set(types), key(doc)).toEqual(new Set(['object']))
        }
  })

  it('document the v3 routes of the contract', () => {
    expect(adminV3Docs.map(key).sort()).toEqual(
      [
        'POST /v1/admin/projects/{id}/api-keys',
        'GET /v1/admin/projects/{id}/api-keys',
        'DELETE /v1/admin/projects/{id}/api-keys/{kid}',
        'POST /v1/admin/projects/{id}/requests',
        'POST /v1/admin/projects/{id}/requests/{rid}/votes',
        'DELETE /v1/admin/projects/{id}/requests/{rid}/votes/{sub}',
        'GET /v1/admin/projects/{id}/people',
        'GET /v1/admin/projects/{id}/people/{sub}',
        'GET /v1/admin/projects/{id}/people/{sub}/export',
        'DELETE /v1/admin/projects/{id}/people/{sub}',
      ].sort(),
    )
  })
})
