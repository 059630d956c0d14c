/**
 * Project API keys, created, listed and revoked over real HTTP (spec/api.md v3 "API keys,
 * people, and feedback on a customer's behalf"): the key shown once and stored only hashed,
 * owners and admins only, audited, and refused at once when revoked.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { hashApiKey } from '../../../src/server/auth/api-key-format'
import { truncateAllTables } from '../../../src/server/store/reset'
import type { ApiKeysResponse, AuditLogEntry, CreatedApiKeyResponse } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { createProjectAs, joinTeam, type SignedInMember, setUpOwner } from '../../helpers/team'

describe.each(storeBackends())('project API keys on $name', (backend) => {
  let server: TestServer
  let owner: SignedInMember
  let projectId: string

  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
  })
  afterAll(() => server?.close())
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    owner = await setUpOwner(server, { email: 'olive@example.com', name: 'Olive' })
    projectId = await createProjectAs(owner, 'Acme')
  })

  const keysPath = () => `/v1/admin/projects/${projectId}/api-keys`

  async function createKey(
    body: unknown = { name: 'CRM sync', scopes: ['read'] },
  ): Promise<CreatedApiKeyResponse> {
    const res = await owner.fetch(keysPath(), { method: 'POST', body: JSON.stringify(body) })
    expect(res.status).toBe(201)
    return (await res.json()) as CreatedApiKeyResponse
  }

  const withKey = (key: string, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    })

  async function listKeys(): Promise<Response> {
    return owner.fetch(keysPath())
  }

  it('shows the key once on creation, rq_ and 32 random bytes, and never in the list', async () => {
    const created = await createKey({ name: '  CRM sync  ', scopes: ['write', 'read'] })
    expect(created.key).toMatch(/^rq_[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(created.key.slice(3), 'base64url')).toHaveLength(32)
    expect(created.apiKey).toEqual({
      id: expect.any(String),
      name: 'CRM sync',
      scopes: ['read', 'write'],
      prefix: created.key.slice(0, 11),
      createdAt: expect.any(String),
      lastUsedAt: null,
    })
    const list = await listKeys()
    expect(list.status).toBe(200)
    const text = await list.text()
    expect(text).not.toContain(created.key)
    expect(text).not.toContain(created.key.slice(11))
    const { apiKeys } = JSON.parse(text) as ApiKeysResponse
    expect(apiKeys).toEqual([created.apiKey])
    expect(Object.keys(apiKeys[0] ?? {})).not.toContain('key')
  })

  it('keeps only the hash of the key in the database, nowhere its text', async () => {
    const { key } = await createKey()
    const rows = await server.store.db.query<{ row: string }>(
      'SELECT t::text AS row FROM api_keys t',
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.row).not.toContain(key)
    expect(rows[0]?.row).not.toContain(key.slice(11))
    expect(rows[0]?.row).toContain(hashApiKey(key))
    const audit = await server.store.db.query<{ row: string }>(
      'SELECT t::text AS row FROM audit_log t',
    )
    for (const { row } of audit) expect(row).not.toContain(key.slice(11))
  })

  it('makes a different key each time, even with the same name', async () => {
    const first = await createKey()
    const second = await createKey()
    expect(second.key).not.toBe(first.key)
    expect(second.apiKey.id).not.toBe(first.apiKey.id)
  })

  it.each([
    [{ scopes: ['read'] }, 'name'],
    [{ name: '   ', scopes: ['read'] }, 'name'],
    [{ name: 'x'.repeat(81), scopes: ['read'] }, 'name'],
    [{ name: 42, scopes: ['read'] }, 'name'],
    [{ name: 'CRM' }, 'scopes'],
    [{ name: 'CRM', scopes: [] }, 'scopes'],
    [{ name: 'CRM', scopes: 'read' }, 'scopes'],
    [{ name: 'CRM', scopes: ['owner'] }, 'scopes.0'],
    [{ name: 'CRM', scopes: ['read', 'delete'] }, 'scopes.1'],
  ])('refuses %j with 400 validation_failed naming %s, creating nothing', async (body, field) => {
    const res = await owner.fetch(keysPath(), { method: 'POST', body: JSON.stringify(body) })
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { code: string; field: string } }
    expect(error).toMatchObject({ code: 'validation_failed', field })
    expect(((await (await listKeys()).json()) as ApiKeysResponse).apiKeys).toEqual([])
  })

  it('takes a name of exactly 80 characters', async () => {
    const created = await createKey({ name: 'n'.repeat(80), scopes: ['admin'] })
    expect(created.apiKey.name).toHaveLength(80)
  })

  it('lets owners and admins manage keys, and refuses members and viewers with 403', async () => {
    const admin = await joinTeam(server, owner, 'admin')
    const member = await joinTeam(server, owner, 'member')
    const viewer = await joinTeam(server, owner, 'viewer')
    const body = JSON.stringify({ name: 'Support tool', scopes: ['write'] })
    expect((await admin.fetch(keysPath(), { method: 'POST', body })).status).toBe(201)
    expect((await admin.fetch(keysPath())).status).toBe(200)
    for (const someone of [member, viewer]) {
      const refused = await someone.fetch(keysPath(), { method: 'POST', body })
      expect(refused.status).toBe(403)
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden')
      expect((await someone.fetch(keysPath())).status).toBe(403)
    }
  })

  it('revokes with 204: no longer listed, refused at once with 401, a second revoke 404', async () => {
    const { apiKey, key } = await createKey()
    const backlog = `/v1/admin/projects/${projectId}/backlog`
    expect((await withKey(key, backlog)).status).toBe(200)
    const revoked = await owner.fetch(`${keysPath()}/${apiKey.id}`, { method: 'DELETE' })
    expect(revoked.status).toBe(204)
    const refused = await withKey(key, backlog)
    expect(refused.status).toBe(401)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
    expect(((await (await listKeys()).json()) as ApiKeysResponse).apiKeys).toEqual([])
    const again = await owner.fetch(`${keysPath()}/${apiKey.id}`, { method: 'DELETE' })
    expect(again.status).toBe(404)
  })

  it('refuses a key nobody made with 401 unauthorized', async () => {
    const res = await withKey(`rq_${'A'.repeat(43)}`, `/v1/admin/projects/${projectId}/backlog`)
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
  })

  it('does not revoke another project’s key through this project', async () => {
    const otherId = await createProjectAs(owner, 'Other')
    const res = await owner.fetch(`/v1/admin/projects/${otherId}/api-keys`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Theirs', scopes: ['read'] }),
    })
    const theirs = (await res.json()) as CreatedApiKeyResponse
    const wrong = await owner.fetch(`${keysPath()}/${theirs.apiKey.id}`, { method: 'DELETE' })
    expect(wrong.status).toBe(404)
    const stillWorks = await withKey(theirs.key, `/v1/admin/projects/${otherId}/backlog`)
    expect(stillWorks.status).toBe(200)
  })

  it('audits creation and revocation, and what a key does as api-key:{name}', async () => {
    const { apiKey, key } = await createKey({ name: 'Zendesk bridge', scopes: ['write'] })
    const filed = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': randomUUID() },
      body: JSON.stringify({ title: 'Dark mode' }),
    })
    const requestId = ((await filed.json()) as { request: { id: string } }).request.id
    const patched = await withKey(key, `/v1/admin/projects/${projectId}/requests/${requestId}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'planned' }),
    })
    expect(patched.status).toBe(200)
    const replied = await withKey(
      key,
      `/v1/admin/projects/${projectId}/requests/${requestId}/comments`,
      { method: 'POST', body: JSON.stringify({ body: 'Planned for May.' }) },
    )
    expect(replied.status).toBe(201)
    const reply = (await replied.json()) as { comment: { author: { name: string } } }
    expect(JSON.stringify(reply.comment)).toContain('Zendesk bridge')
    await owner.fetch(`${keysPath()}/${apiKey.id}`, { method: 'DELETE' })

    const res = await owner.fetch(`/v1/admin/projects/${projectId}/audit`)
    const { entries } = (await res.json()) as { entries: AuditLogEntry[] }
    const lines = entries.map((entry) => [entry.action, entry.actor])
    expect(lines).toContainEqual(['api_key.created', 'olive@example.com'])
    expect(lines).toContainEqual(['api_key.revoked', 'olive@example.com'])
    expect(lines).toContainEqual(['request.status', 'api-key:Zendesk bridge'])
    const created = entries.find((entry) => entry.action === 'api_key.created')
    expect(created?.target).toBe('Zendesk bridge')
  })

  it('records lastUsedAt once the key is used', async () => {
    const before = Date.now()
    const { apiKey, key } = await createKey()
    expect((await withKey(key, `/v1/admin/projects/${projectId}/backlog`)).status).toBe(200)
    const { apiKeys } = (await (await listKeys()).json()) as ApiKeysResponse
    const used = apiKeys.find((listed) => listed.id === apiKey.id)
    expect(used?.lastUsedAt).not.toBeNull()
    expect(Date.parse(used?.lastUsedAt ?? '')).toBeGreaterThanOrEqual(before - 1000)
  })
})
