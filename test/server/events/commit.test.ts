import { Hono } from 'hono'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import { requestCreated } from '../../../src/server/events/build'
import { commit, type UnitOfWork } from '../../../src/server/events/commit'
import type { AppEnv } from '../../../src/server/http/env'
import { ReadCaches } from '../../../src/server/http/read-caches'
import type { ProjectRecord } from '../../../src/server/store'
import { truncateAllTables } from '../../../src/server/store/reset'
import { storeBackends } from '../../helpers/backends'
import { addWebhook, type Person, submit, visitor, vote } from '../../helpers/loop-fixtures'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver'

describe.each(storeBackends())('commit() on $name', (backend) => {
  const clock = frozenClock(Date.now())
  let server: TestServer
  let receiver: WebhookReceiver
  let project: ProjectRecord
  let kick: ReturnType<typeof vi.spyOn>

  /** Runs `work` through commit() as a route of `project` would, answering what it returned. */
  const asRoute = async <T>(work: (w: UnitOfWork) => Promise<T>) => {
    const deps = {
      store: server.store,
      clock,
      caches: new ReadCaches(server.store, clock),
      notifications: server.notifications,
    }
    const app = new Hono<AppEnv>()
      .post('/', async (c) => {
        c.set('project', project)
        return c.json({ result: await commit(deps, c, work) })
      })
      .onError((error, c) => c.json({ error: error.message }, 500))
    const res = await app.request('/', { method: 'POST' })
    return (await res.json()) as { result?: T; error?: string }
  }
  const count = async (table: 'requests' | 'jobs' | 'audit_log') => {
    const [row] = await server.store.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE project_id = $1`,
      [project.id],
    )
    return Number(row?.n)
  }
  const listVotes = async (requestId: string) => {
    const res = await fetch(`${server.url}/v1/projects/${project.id}/requests`, {
      headers: visitor().headers,
    })
    const body = (await res.json()) as { requests: { id: string; votes: number }[] }
    return body.requests.find((request) => request.id === requestId)?.votes
  }

  beforeAll(async () => {
    server = await startTestServer({ clock, databaseUrl: backend.databaseUrl, demo: false })
    receiver = await startWebhookReceiver()
  })
  afterAll(async () => {
    await receiver.close()
    await server.close()
  })
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    receiver.received.length = 0
    const created = await server.createProject('Acme')
    const found = await server.store.projects.find(created.project.id)
    if (!found) throw new Error('the project just created is missing')
    project = found
    kick = vi.spyOn(server.notifications.runner, 'kick')
  })
  afterEach(() => {
    kick.mockRestore()
  })

  it('a throw inside the work leaves no row, no job and no audit line, and wakes nobody', async () => {
    await addWebhook(server, project.id, receiver.url, ['request.created'])
    const [jobsBefore, auditBefore] = [await count('jobs'), await count('audit_log')]
    kick.mockClear()
    const answer = await asRoute(async (w) => {
      const { request } = await w.store.requests.create({
        projectId: project.id,
        actor: { voter: 'a:someone', person: null },
        title: 'Dark mode',
        body: '',
        idempotencyKey: null,
        now: w.now,
      })
      await w.emit(requestCreated(request))
      await w.audit({ action: 'request.created', target: request.id })
      throw new Error('the change fails after everything was written')
    })
    expect(answer.error).toBe('the change fails after everything was written')
    expect(await count('requests')).toBe(0)
    expect(await count('jobs')).toBe(jobsBefore)
    expect(await count('audit_log')).toBe(auditBefore)
    expect(kick).not.toHaveBeenCalled()
    await server.drainJobs()
    expect(receiver.received).toHaveLength(0)
  })

  it('a change that queued nothing wakes nobody; one that queued a job wakes the runner once', async () => {
    const someone = visitor()
    const requestId = await submit(server, project.id, someone, 'Dark mode')
    // No endpoint listens to votes: the vote queues no job.
    kick.mockClear()
    await vote(server, project.id, visitor(), requestId)
    expect(kick).not.toHaveBeenCalled()
    expect(await count('jobs')).toBe(0)

    await addWebhook(server, project.id, receiver.url, ['vote.created'])
    kick.mockClear()
    await vote(server, project.id, visitor(), requestId)
    expect(kick).toHaveBeenCalledTimes(1)
  })

  it('an emitted event is delivered once, and a repeated vote tells nobody again', async () => {
    const requestId = await submit(server, project.id, visitor(), 'Dark mode')
    await addWebhook(server, project.id, receiver.url, ['vote.created'])
    const voter: Person = visitor()
    await vote(server, project.id, voter, requestId)
    await vote(server, project.id, voter, requestId)
    await server.drainJobs()
    await server.drainJobs()
    expect(receiver.received).toHaveLength(1)
    const delivered = JSON.parse(receiver.received[0]?.body ?? '{}')
    expect(delivered).toMatchObject({ type: 'vote.created', data: { request: { votes: 2 } } })
  })

  it("drops the route's cached reads after COMMIT: a read right after the write sees it", async () => {
    const requestId = await submit(server, project.id, visitor(), 'Dark mode')
    expect(await listVotes(requestId)).toBe(1)
    await vote(server, project.id, visitor(), requestId)
    expect(await listVotes(requestId)).toBe(2)
    await vote(server, project.id, visitor(), requestId)
    expect(await listVotes(requestId)).toBe(3)
  })

  it("keeps the route's cached reads when the work says nothing changed, drops them otherwise", async () => {
    const dropped = vi.spyOn(ReadCaches.prototype, 'invalidateProject')
    try {
      await asRoute(async (w) => w.nothingChanged())
      expect(dropped).not.toHaveBeenCalled()
      await asRoute(async () => null)
      expect(dropped).toHaveBeenCalledWith(project.id)
    } finally {
      dropped.mockRestore()
    }
  })

  // Only PostgreSQL runs a transaction again (pg-db.ts); registered there only, so CI skips nothing.
  if (backend.name === 'postgres')
    it('a transaction PostgreSQL runs again starts afresh: one job, one delivery', async () => {
      await addWebhook(server, project.id, receiver.url, ['request.created'])
      const requestId = await submit(server, project.id, visitor(), 'Dark mode')
      await server.drainJobs()
      receiver.received.length = 0
      let attempts = 0
      kick.mockClear()
      const answer = await asRoute(async (w) => {
        attempts++
        await w.emit({ type: 'request.created', projectId: project.id, requestId })
        // What a deadlock looks like to the transaction: pg-db.ts runs the work again.
        if (attempts === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' })
        return attempts
      })
      expect(answer.result).toBe(2)
      expect(kick).toHaveBeenCalledTimes(1)
      await server.drainJobs()
      expect(receiver.received).toHaveLength(1)
    })
})
