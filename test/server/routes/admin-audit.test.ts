/**
 * The audit log readable by a PM (issue 26): "Ana changed *Dark mode* from Planned to Done",
 * names rather than emails, the request to link to, old → new values; the stored fields stay.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { truncateAllTables } from '../../../src/server/store/reset'
import type { AuditLogEntry } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { createProjectAs, type SignedInMember, setUpOwner } from '../../helpers/team'

describe.each(storeBackends())('the audit log on $name', (backend) => {
  let server: TestServer
  let ana: SignedInMember
  let projectId: string

  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
  })
  afterAll(() => server?.close())
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    ana = await setUpOwner(server, { email: 'ana@example.com', name: 'Ana' })
    projectId = await createProjectAs(ana, 'Acme')
  })

  async function fileRequest(title: string): Promise<string> {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': randomUUID() },
      body: JSON.stringify({ title }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { request: { id: string } }).request.id
  }

  async function patch(who: SignedInMember | 'admin-token', requestId: string, body: object) {
    const path = `/v1/admin/projects/${projectId}/requests/${requestId}`
    const init = { method: 'PATCH', body: JSON.stringify(body) }
    const res =
      who === 'admin-token' ? await server.adminFetch(path, init) : await who.fetch(path, init)
    expect(res.status).toBe(200)
  }

  async function auditLog(): Promise<AuditLogEntry[]> {
    const res = await ana.fetch(`/v1/admin/projects/${projectId}/audit`)
    expect(res.status).toBe(200)
    return ((await res.json()) as { entries: AuditLogEntry[] }).entries
  }

  it('says who changed which request from what to what, by name, with the request to link to', async () => {
    const darkMode = await fileRequest('Dark mod')
    const nightTheme = await fileRequest('Night theme')
    await patch(ana, darkMode, { status: 'planned' })
    await patch(ana, darkMode, { title: 'Dark mode' })
    await patch('admin-token', darkMode, { status: 'done', statusNote: 'Shipped in 2.0' })
    await patch(ana, nightTheme, { mergeInto: darkMode })

    const entries = await auditLog()
    expect(entries.map((entry) => entry.summary)).toEqual([
      'Ana merged Night theme into Dark mode',
      'The admin token set the public note on Dark mode: “Shipped in 2.0”',
      'The admin token changed Dark mode from Planned to Done',
      'Ana renamed Dark mode from “Dark mod” to “Dark mode”',
      'Ana changed Dark mode from Open to Planned',
      'Ana created the project',
      'The admin token created the owner account ana@example.com',
    ])
    const done = entries[2] as AuditLogEntry
    expect(done).toMatchObject({
      actor: 'admin-token',
      action: 'request.status',
      target: darkMode,
      actorName: null,
      request: { id: darkMode, title: 'Dark mode' },
      detail: { status: 'done', from: 'planned', to: 'done' },
    })
    expect(typeof done.at).toBe('string')
    expect(entries[4]).toMatchObject({
      actor: 'ana@example.com',
      actorName: 'Ana',
      detail: { from: 'open', to: 'planned' },
    })
    expect(entries[0]).toMatchObject({
      request: { id: nightTheme, title: 'Night theme' },
      relatedRequest: { id: darkMode, title: 'Dark mode' },
    })
  })

  it('reads old lines without a stored old value from the line before, and never shows secrets', async () => {
    const darkMode = await fileRequest('Dark mode')
    const record = (action: string, target: string, detail: Record<string, unknown>, at: number) =>
      server.store.audit.record({
        projectId,
        actor: 'ana@example.com',
        action,
        target,
        detail,
        now: at,
      })
    const at = Date.now()
    await record('request.status', darkMode, { status: 'planned' }, at)
    await record('request.status', darkMode, { status: 'done' }, at + 1000)
    await record(
      'settings.changed',
      projectId,
      { settings: { stripe: { webhookSecret: 'whsec_leak' } } },
      at + 2000,
    )
    await record('request.status', 'someone-elses-request', { status: 'done' }, at + 3000)

    const entries = await auditLog()
    const body = JSON.stringify(entries)
    expect(body).not.toContain('whsec_leak')
    expect(entries[0]).toMatchObject({
      request: null,
      summary: 'Ana moved a deleted request to Done',
    })
    expect(entries[1]?.summary).toBe('Ana changed the project settings')
    expect(entries[2]).toMatchObject({
      summary: 'Ana changed Dark mode from Planned to Done',
      detail: { from: 'planned', to: 'done' },
    })
    expect(entries[3]?.summary).toBe('Ana moved Dark mode to Planned')
  })
})
