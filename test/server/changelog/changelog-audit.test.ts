import { describe, expect, it } from 'vitest'
import type { AuditLogEntry, ChangelogEntry } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'

let server: TestServer
let projectId: string

const entries = () => `/v1/admin/projects/${projectId}/changelog`

async function write(body: unknown): Promise<ChangelogEntry> {
  const res = await server.adminFetch(entries(), { method: 'POST', body: JSON.stringify(body) })
  expect(res.status).toBe(201)
  return ((await res.json()) as { entry: ChangelogEntry }).entry
}

async function patch(id: string, body: unknown) {
  const res = await server.adminFetch(`${entries()}/${id}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(200)
}

async function remove(id: string) {
  const res = await server.adminFetch(`${entries()}/${id}`, { method: 'DELETE' })
  expect(res.status).toBe(204)
}

async function auditLines(): Promise<AuditLogEntry[]> {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/audit`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { entries: AuditLogEntry[] }).entries.filter((line) =>
    line.action.startsWith('changelog.'),
  )
}

describe.each(storeBackends())('changelog audit on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId } = fresh)
  })

  it('records editing a published entry as changelog.updated, naming the fields changed', async () => {
    const entry = await write({ title: 'Dark mode', body: 'It is here.', publish: true })
    await patch(entry.id, { body: 'It is here, and it is dark.' })
    const [updated] = await auditLines()
    expect(updated).toMatchObject({
      action: 'changelog.updated',
      target: entry.id,
      actor: 'admin-token',
    })
    // The dashboard shows action and target; the stored detail says what changed.
    const [stored] = await server.store.audit.list(projectId)
    expect(stored?.detail).toEqual({ title: 'Dark mode', fields: ['body'] })
  })

  it('records unpublishing as changelog.unpublished and deleting a published entry as changelog.deleted', async () => {
    const entry = await write({ title: 'Dark mode', body: 'x', publish: true })
    await patch(entry.id, { publish: false })
    const unpublished = (await auditLines())[0]
    expect(unpublished).toMatchObject({ action: 'changelog.unpublished', target: entry.id })

    const other = await write({ title: 'CSV export', body: 'y', publish: true })
    await remove(other.id)
    const deleted = (await auditLines())[0]
    expect(deleted).toMatchObject({ action: 'changelog.deleted', target: other.id })
  })

  it('writes nothing for drafts, which nobody outside the team has read', async () => {
    const draft = await write({ title: 'Soon', body: 'x' })
    await patch(draft.id, { title: 'Sooner' })
    await remove(draft.id)
    expect(await auditLines()).toEqual([])
  })
})
