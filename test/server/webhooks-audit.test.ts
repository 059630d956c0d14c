/**
 * A webhook URL is often a bearer secret (Slack, Zapier), and every role reads the audit log:
 * the log names an endpoint by its origin only (issue 24, item 8), old entries included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../../src/server/store/migrate'
import type { AuditLogEntry } from '../../src/shared/api'
import { storeBackends } from '../helpers/backends'
import { startTestServer, type TestServer } from '../helpers/start-server'

const SECRET_URL = 'https://hooks.slack.test:8443/services/T0/B0/secret-part?token=also-secret'

describe.each(storeBackends())('webhook audit entries on $name', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
  })
  afterAll(() => server.close())

  async function auditOf(projectId: string) {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/audit`)
    const text = await res.text()
    return { text, entries: (JSON.parse(text) as { entries: AuditLogEntry[] }).entries }
  }

  it('names a webhook by its origin when it is created, its secret rotated and deleted', async () => {
    const { project } = await server.createProject('Audited')
    const base = `/v1/admin/projects/${project.id}/webhooks`
    const created = await server.adminFetch(base, {
      method: 'POST',
      body: JSON.stringify({ url: SECRET_URL }),
    })
    const { webhook } = (await created.json()) as { webhook: { id: string } }
    await server.adminFetch(`${base}/${webhook.id}/secret`, { method: 'POST' })
    await server.adminFetch(`${base}/${webhook.id}`, { method: 'DELETE' })

    const { text, entries } = await auditOf(project.id)
    const webhookEntries = entries.filter((entry) => entry.action.startsWith('webhook.'))
    expect(webhookEntries.map((entry) => entry.action).sort()).toEqual([
      'webhook.created',
      'webhook.deleted',
      'webhook.secret_rotated',
    ])
    for (const entry of webhookEntries) expect(entry.target).toBe('https://hooks.slack.test:8443')
    expect(text).not.toContain('secret-part')
    expect(text).not.toContain('also-secret')
  })

  it('cuts entries written before the upgrade down to the origin', async () => {
    const { project } = await server.createProject('Upgraded')
    const db = server.store.db
    for (const [action, target] of [
      ['webhook.created', SECRET_URL],
      ['webhook.deleted', 'http://zapier.test/hooks/catch/123/abc'],
      ['settings.changed', 'https://example.test/keep/this'],
    ])
      await db.query(
        `INSERT INTO audit_log (project_id, at, actor, action, target) VALUES ($1, now(), 'admin-token', $2, $3)`,
        [project.id, action, target],
      )
    await db.query('DELETE FROM schema_migrations WHERE version = 16')
    expect(await migrate(db)).toEqual([16])

    const { entries } = await auditOf(project.id)
    const targets = Object.fromEntries(
      entries
        .filter(
          (entry) => entry.action.startsWith('webhook.') || entry.action === 'settings.changed',
        )
        .map((entry) => [entry.action, entry.target]),
    )
    expect(targets).toEqual({
      'webhook.created': 'https://hooks.slack.test:8443',
      'webhook.deleted': 'http://zapier.test',
      'settings.changed': 'https://example.test/keep/this',
    })
  })
})
