/**
 * What a project API key may reach (spec/api.md v3): `read` the project's GETs, `write` read
 * plus triage, `admin` what an admin may do there; only its own project (another: 404
 * project_not_found), never the team, the project list, creation or the keys (403); and no more
 * than REQIO_API_KEY_REQUESTS_PER_MINUTE calls a minute (429 with Retry-After).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_ROUTE_PERMISSIONS } from '../../../src/server/auth/admin-route-permissions'
import { truncateAllTables } from '../../../src/server/store/reset'
import type {
  ApiKeyScope,
  CreatedApiKeyResponse,
  CreatedProjectResponse,
} from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { startTestServer, type TestServer } from '../../helpers/start-server'

interface ErrorBody {
  error: { code: string; message: string }
}

/** What the contract lets each scope do, by a route's method and listed permission. */
const SCOPE_ALLOWS: Record<ApiKeyScope, (method: string, permission: string) => boolean> = {
  read: (method, permission) => method === 'GET' && permission === 'view',
  write: (_method, permission) => permission === 'view' || permission === 'triage',
  admin: (_method, permission) => ['view', 'triage', 'configure'].includes(permission),
}

describe.each(storeBackends())('API key scopes on $name', (backend) => {
  let server: TestServer
  let projectId: string
  let otherProjectId: string
  let keys: Record<ApiKeyScope, string>

  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
  })
  afterAll(() => server?.close())
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    projectId = (await server.createProject('Acme')).project.id
    otherProjectId = (await server.createProject('Other')).project.id
    const made: Partial<Record<ApiKeyScope, string>> = {}
    for (const scope of ['read', 'write', 'admin'] as const) {
      const res = await server.adminFetch(`/v1/admin/projects/${projectId}/api-keys`, {
        method: 'POST',
        body: JSON.stringify({ name: `${scope} key`, scopes: [scope] }),
      })
      made[scope] = ((await res.json()) as CreatedApiKeyResponse).key
    }
    keys = made as Record<ApiKeyScope, string>
  })

  const withKey = (key: string, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    })

  async function fileRequest(): Promise<string> {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': randomUUID() },
      body: JSON.stringify({ title: `Dark mode ${randomUUID()}` }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { request: { id: string } }).request.id
  }

  async function expectRefused(res: Response, status: number, code: string) {
    expect(res.status).toBe(status)
    expect(((await res.json()) as ErrorBody).error.code).toBe(code)
  }

  it('answers every listed admin route for every scope exactly as the contract says', async () => {
    const seen: string[] = []
    for (const rule of ADMIN_ROUTE_PERMISSIONS) {
      const ownProject = rule.path.startsWith('/v1/admin/projects/:id')
      const path = rule.path.replace(':id', projectId).replace(/:[a-z]+/g, 'no-such-id')
      for (const scope of ['read', 'write', 'admin'] as const) {
        const init: RequestInit = { method: rule.method }
        if (rule.method !== 'GET') init.body = '{}'
        const res = await withKey(keys[scope], path, init)
        const label = `${scope} ${rule.method} ${rule.path} -> ${res.status}`
        seen.push(label)
        expect(res.status, label).not.toBe(401)
        const keysOwn = rule.path.includes('/api-keys')
        if (ownProject && !keysOwn && SCOPE_ALLOWS[scope](rule.method, rule.permission)) {
          expect(res.status, label).not.toBe(403)
          expect(res.status, label).toBeLessThan(500)
        } else {
          expect(res.status, label).toBe(403)
          expect(((await res.json()) as ErrorBody).error.code, label).toBe('forbidden')
        }
      }
    }
    expect(seen).toHaveLength(ADMIN_ROUTE_PERMISSIONS.length * 3)
  })

  it('lets read see the backlog and a request, and refuses its PATCH with 403', async () => {
    const requestId = await fileRequest()
    expect((await withKey(keys.read, `/v1/admin/projects/${projectId}/backlog`)).status).toBe(200)
    const path = `/v1/admin/projects/${projectId}/requests/${requestId}`
    expect((await withKey(keys.read, path)).status).toBe(200)
    const res = await withKey(keys.read, path, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'planned' }),
    })
    await expectRefused(res, 403, 'forbidden')
    const after = await server.adminFetch(path)
    expect(((await after.json()) as { request: { status: string } }).request.status).toBe('open')
  })

  it('lets write change a status, and refuses it the project settings', async () => {
    const requestId = await fileRequest()
    const res = await withKey(keys.write, `/v1/admin/projects/${projectId}/requests/${requestId}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'planned' }),
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { request: { status: string } }).request.status).toBe('planned')
    const settings = await withKey(keys.write, `/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Renamed by write' }),
    })
    await expectRefused(settings, 403, 'forbidden')
  })

  it('lets admin change the settings, never the team, projects or keys', async () => {
    const settings = await withKey(keys.admin, `/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Renamed by admin' }),
    })
    expect(settings.status).toBe(200)
    const refused: Array<[string, RequestInit]> = [
      ['/v1/admin/members', {}],
      ['/v1/admin/invites', {}],
      [
        '/v1/admin/invites',
        { method: 'POST', body: JSON.stringify({ email: 'x@example.com', role: 'admin' }) },
      ],
      ['/v1/admin/mail', {}],
      ['/v1/admin/projects', {}],
      ['/v1/admin/projects', { method: 'POST', body: JSON.stringify({ name: 'Mine now' }) }],
      [`/v1/admin/projects/${projectId}/api-keys`, {}],
      [
        `/v1/admin/projects/${projectId}/api-keys`,
        { method: 'POST', body: JSON.stringify({ name: 'More', scopes: ['admin'] }) },
      ],
      [`/v1/admin/projects/${projectId}/api-keys/anything`, { method: 'DELETE' }],
      // The router decodes paths: an encoded spelling is the same route, and refused the same.
      [`/v1/admin/projects/${projectId}/api%2Dkeys`, {}],
    ]
    for (const [path, init] of refused) {
      const res = await withKey(keys.admin, path, init)
      expect(res.status, `${init.method ?? 'GET'} ${path}`).toBe(403)
      expect(((await res.json()) as ErrorBody).error.code).toBe('forbidden')
    }
    const projects = await server.adminFetch('/v1/admin/projects')
    const names = ((await projects.json()) as { projects: { name: string }[] }).projects.map(
      (project) => project.name,
    )
    expect(names).not.toContain('Mine now')
  })

  it('answers 404 project_not_found for another project, or one that does not exist', async () => {
    for (const scope of ['read', 'admin'] as const) {
      await expectRefused(
        await withKey(keys[scope], `/v1/admin/projects/${otherProjectId}/backlog`),
        404,
        'project_not_found',
      )
      await expectRefused(
        await withKey(keys[scope], '/v1/admin/projects/no-such-project/backlog'),
        404,
        'project_not_found',
      )
    }
    const rename = await withKey(keys.admin, `/v1/admin/projects/${otherProjectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Taken over' }),
    })
    await expectRefused(rename, 404, 'project_not_found')
  })

  it('keeps a key with two scopes to what either allows', async () => {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/api-keys`, {
      method: 'POST',
      body: JSON.stringify({ name: 'read and write', scopes: ['read', 'write'] }),
    })
    const { key } = (await res.json()) as CreatedApiKeyResponse
    const requestId = await fileRequest()
    const patched = await withKey(key, `/v1/admin/projects/${projectId}/requests/${requestId}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'planned' }),
    })
    expect(patched.status).toBe(200)
    const webhooks = await withKey(key, `/v1/admin/projects/${projectId}/webhooks`)
    await expectRefused(webhooks, 403, 'forbidden')
  })

  it('does not mistake a key for a session: a wrong key is 401 even with a cookie', async () => {
    const res = await fetch(`${server.url}/v1/admin/projects/${projectId}/backlog`, {
      headers: { Authorization: `Bearer rq_${'x'.repeat(43)}`, Cookie: 'reqio_session=whatever' },
    })
    await expectRefused(res, 401, 'unauthorized')
  })
})

describe.each(storeBackends())('the per-key limit and wrong keys on $name', (backend) => {
  const PER_MINUTE = 3
  const WRONG_KEYS_PER_15_MINUTES = 2
  let server: TestServer
  let projectId: string

  beforeAll(async () => {
    server = await startTestServer({
      demo: false,
      databaseUrl: backend.databaseUrl,
      apiKeyRequestsPerMinute: PER_MINUTE,
      authFailuresPer15Minutes: WRONG_KEYS_PER_15_MINUTES,
    })
    projectId = ((await server.createProject('Limited')) as CreatedProjectResponse).project.id
  })
  afterAll(() => server?.close())

  async function newKey(name: string): Promise<string> {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/api-keys`, {
      method: 'POST',
      body: JSON.stringify({ name, scopes: ['read'] }),
    })
    return ((await res.json()) as CreatedApiKeyResponse).key
  }

  const backlog = (key: string) =>
    fetch(`${server.url}/v1/admin/projects/${projectId}/backlog`, {
      headers: { Authorization: `Bearer ${key}` },
    })

  it('answers 429 with Retry-After past REQIO_API_KEY_REQUESTS_PER_MINUTE, per key', async () => {
    const busy = await newKey('busy')
    const quiet = await newKey('quiet')
    for (let i = 0; i < PER_MINUTE; i++) expect((await backlog(busy)).status).toBe(200)
    const refused = await backlog(busy)
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as ErrorBody).error.code).toBe('rate_limited')
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    // Another key of the same project has its own budget; the admin token is not limited.
    expect((await backlog(quiet)).status).toBe(200)
    expect((await server.adminFetch(`/v1/admin/projects/${projectId}/backlog`)).status).toBe(200)
  })

  // Last: it leaves 127.0.0.1 over its budget of failures, the admin token refused too.
  it('counts wrong and revoked keys as failures, like wrong admin tokens: 429 past the budget', async () => {
    const revokedKey = await newKey('soon revoked')
    const listed = await server.adminFetch(`/v1/admin/projects/${projectId}/api-keys`)
    const { apiKeys } = (await listed.json()) as { apiKeys: { id: string; name: string }[] }
    const id = apiKeys.find((apiKey) => apiKey.name === 'soon revoked')?.id
    await server.adminFetch(`/v1/admin/projects/${projectId}/api-keys/${id}`, { method: 'DELETE' })
    expect((await backlog(`rq_${'B'.repeat(43)}`)).status).toBe(401)
    expect((await backlog(revokedKey)).status).toBe(401)
    const throttled = await backlog(`rq_${'C'.repeat(43)}`)
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('Retry-After')).not.toBeNull()
    expect((await server.adminFetch(`/v1/admin/projects/${projectId}/backlog`)).status).toBe(429)
  })
})
