import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/server/app'
import { systemClock } from '../../src/server/clock'
import { readServerConfig } from '../../src/server/config'
import type { ChangelogPublished } from '../../src/server/hooks/changelog-published'
import { silentLogger } from '../../src/server/logger'
import { openStore, type Store } from '../../src/server/store'
import type { ChangelogEntry, FeedbackRequest } from '../../src/shared/api'
import { ANONYMOUS_ID_HEADER } from '../../src/shared/identity'

const ADMIN = 'hook-test-admin-token'
let store: Store
let app: ReturnType<typeof createApp>
let projectId: string
const heard: ChangelogPublished[] = []
let failNext = false

beforeAll(async () => {
  store = await openStore({ dataDir: null })
  app = createApp({
    store,
    clock: systemClock,
    logger: silentLogger,
    config: { ...readServerConfig({}), demo: false, adminToken: ADMIN, rateLimitPerMinute: 10_000 },
    // What the loop will do here: write its own rows with the publishing transaction.
    onChangelogPublished: async (tx, event) => {
      if (failNext) throw new Error('the queue is down')
      heard.push(event)
      await tx.query(
        `INSERT INTO audit_log (project_id, at, actor, action, target)
         VALUES ($1, now(), $2, 'test.hook', $3)`,
        [event.projectId, event.actor, event.entry.id],
      )
    },
  })
  const res = await admin('/v1/admin/projects', 'POST', { name: 'Hooked' })
  projectId = ((await res.json()) as { project: { id: string } }).project.id
})

afterAll(() => store.close())

function admin(path: string, method = 'GET', body?: unknown) {
  return app.request(path, {
    method,
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

async function submit(title: string): Promise<FeedbackRequest> {
  const res = await app.request(`/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [ANONYMOUS_ID_HEADER]: randomUUID() },
    body: JSON.stringify({ title }),
  })
  return ((await res.json()) as { request: FeedbackRequest }).request
}

describe('the onChangelogPublished seam', () => {
  it('hears a publishing once, inside its transaction, with the requests it shipped', async () => {
    const a = await submit('Dark mode')
    const b = await submit('CSV export')
    const draft = await admin(`/v1/admin/projects/${projectId}/changelog`, 'POST', {
      title: 'Release',
      body: 'Two things',
      requestIds: [a.id, b.id],
    })
    const { entry } = (await draft.json()) as { entry: ChangelogEntry }
    expect(heard).toHaveLength(0)

    const res = await admin(`/v1/admin/projects/${projectId}/changelog/${entry.id}`, 'PATCH', {
      publish: true,
    })
    expect(res.status).toBe(200)
    expect(heard).toHaveLength(1)
    expect(heard[0]).toMatchObject({
      projectId,
      actor: 'admin-token',
      newlyPublished: true,
      shippedRequestIds: [a.id, b.id],
      newlyDoneRequestIds: [a.id, b.id],
      entry: { id: entry.id, title: 'Release', requests: [{ status: 'done' }, { status: 'done' }] },
    })
    const audit = await store.audit.list(projectId)
    expect(audit.map((e) => e.action)).toContain('test.hook')

    // Editing the text of a published entry ships nothing new.
    await admin(`/v1/admin/projects/${projectId}/changelog/${entry.id}`, 'PATCH', {
      body: 'Edited',
    })
    expect(heard).toHaveLength(1)
  })

  it('rolls the publishing back, statuses included, when the hook fails', async () => {
    const c = await submit('SSO')
    failNext = true
    const res = await admin(`/v1/admin/projects/${projectId}/changelog`, 'POST', {
      title: 'Doomed',
      body: 'x',
      requestIds: [c.id],
      publish: true,
    })
    failNext = false
    expect(res.status).toBe(500)
    expect((await store.requests.find(projectId, c.id, null))?.status).toBe('open')
    expect((await store.changelog.listAll(projectId)).map((e) => e.title)).not.toContain('Doomed')
  })
})
