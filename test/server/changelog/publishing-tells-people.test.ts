import { describe, expect, it } from 'vitest'
import type { ChangelogEntry } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import { customer, type Person, submit } from '../../helpers/loop-fixtures'
import type { TestServer } from '../../helpers/start-server'

let server: TestServer
let projectId: string
let secret: string

function admin(path: string, method = 'GET', body?: unknown) {
  return server.adminFetch(`/v1/admin/projects/${projectId}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** The changelog.published events waiting in the queue (the runner is left to the test). */
async function queuedPublishings() {
  const rows = await server.store.db.query<{ payload: string | { requestIds: string[] } }>(
    `SELECT payload FROM jobs WHERE kind = 'event' AND payload->>'type' = 'changelog.published'`,
  )
  return rows.map((row) =>
    typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
  )
}

async function updatesOf(person: Person) {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/updates`, {
    headers: person.headers,
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { updates: { kind: string; title: string }[] }).updates
}

describe.each(storeBackends())('publishing a changelog entry on $name', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Hooked', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })

  it('queues one changelog.published with the requests it shipped, and their people hear once', async () => {
    const ann = await customer(secret, projectId, { sub: 'ann' })
    const a = await submit(server, projectId, ann, 'Dark mode')
    const b = await submit(server, projectId, ann, 'CSV export')
    const draft = await admin('/changelog', 'POST', {
      title: 'Release',
      body: 'Two things',
      requestIds: [a, b],
    })
    const { entry } = (await draft.json()) as { entry: ChangelogEntry }
    expect(await queuedPublishings()).toHaveLength(0)

    const res = await admin(`/changelog/${entry.id}`, 'PATCH', { publish: true })
    expect(res.status).toBe(200)
    const published = ((await res.json()) as { entry: ChangelogEntry }).entry
    expect(published.requests.map((request) => request.status)).toEqual(['done', 'done'])
    expect(await queuedPublishings()).toEqual([
      expect.objectContaining({
        projectId,
        entryId: entry.id,
        title: 'Release',
        requestIds: [a, b],
        teamMemberEmail: null,
      }),
    ])
    const audit = await server.store.audit.list(projectId)
    expect(audit.filter((line) => line.action === 'request.status')).toHaveLength(2)
    expect(audit.map((line) => line.action)).toContain('changelog.published')

    // Editing the text of a published entry ships nothing new.
    await admin(`/changelog/${entry.id}`, 'PATCH', { body: 'Edited' })
    expect(await queuedPublishings()).toHaveLength(1)

    await server.drainJobs()
    expect(await queuedPublishings()).toHaveLength(0)
    const shipped = (await updatesOf(ann)).filter((update) => update.kind === 'shipped')
    expect(shipped.map((update) => update.title).sort()).toEqual(['CSV export', 'Dark mode'])
  })

  it('rolls the publishing back, statuses included, when telling people cannot be queued', async () => {
    const ann = await customer(secret, projectId, { sub: 'ann' })
    const c = await submit(server, projectId, ann, 'SSO')
    // The queue refuses this one event: the write that would tell people fails inside the publishing.
    await server.store.db.exec(`
      CREATE OR REPLACE FUNCTION refuse_publishing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload->>'type' = 'changelog.published' THEN RAISE EXCEPTION 'the queue is down'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_publishing BEFORE INSERT ON jobs
        FOR EACH ROW EXECUTE FUNCTION refuse_publishing();`)
    try {
      const res = await admin('/changelog', 'POST', {
        title: 'Doomed',
        body: 'x',
        requestIds: [c],
        publish: true,
      })
      expect(res.status).toBe(500)
    } finally {
      await server.store.db.exec('DROP TRIGGER refuse_publishing ON jobs')
    }
    expect((await server.store.requests.find(projectId, c, null))?.status).toBe('open')
    expect((await server.store.changelog.listAll(projectId)).map((e) => e.title)).not.toContain(
      'Doomed',
    )
    expect(await queuedPublishings()).toHaveLength(0)
    const audit = await server.store.audit.list(projectId)
    expect(audit.map((line) => line.action)).not.toContain('changelog.published')
  })
})
