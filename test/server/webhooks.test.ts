import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { truncateAllTables } from '../../src/server/store/reset'
import { storeBackends } from '../helpers/backends'
import { addWebhook, customer, patchRequest, submit, visitor, vote } from '../helpers/loop-fixtures'
import { startTestServer, type TestServer } from '../helpers/start-server'
import {
  startWebhookReceiver,
  verifiedEvent,
  verifiedEvents,
  type WebhookReceiver,
} from '../helpers/webhook-receiver'

describe.each(storeBackends())('webhooks on $name', (backend) => {
  const clock = frozenClock(Date.now())
  let server: TestServer
  let receiver: WebhookReceiver
  let projectId: string
  let secret: string

  beforeAll(async () => {
    server = await startTestServer({
      clock,
      databaseUrl: backend.databaseUrl,
      notify: { webhookRetrySeconds: [1, 2, 4] },
    })
  })
  afterAll(async () => {
    await server.close()
  })
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    const created = await server.createProject('Acme')
    projectId = created.project.id
    secret = created.secret
    receiver = await startWebhookReceiver()
  })
  afterEach(async () => {
    await receiver.close()
  })

  it('creates an endpoint with a whsec_ secret shown once, and lists it without the secret', async () => {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ url: receiver.url, events: ['vote.created'] }),
    })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/)
    expect(body.webhook).toMatchObject({ url: receiver.url, events: ['vote.created'] })
    const list = await (await server.adminFetch(`/v1/admin/projects/${projectId}/webhooks`)).json()
    expect(list.webhooks).toHaveLength(1)
    expect(JSON.stringify(list)).not.toContain(body.secret)
  })

  it('signs a status change by Standard Webhooks, with what changed and who wrote it', async () => {
    const hook = await addWebhook(server, projectId, receiver.url)
    const ann = await customer(
      secret,
      projectId,
      { sub: 'ann', email: 'ann@example.com', amount: 4900 },
      clock.now(),
    )
    const requestId = await submit(server, projectId, ann, 'Dark mode')
    await patchRequest(server, projectId, requestId, { status: 'planned' })
    await server.drainJobs()

    const types = receiver.received.map((r) => verifiedEvent(hook.secret, r).type).sort()
    expect(types).toEqual(['request.created', 'request.updated'])
    const updatedIndex = receiver.received.findIndex(
      (r) => verifiedEvent(hook.secret, r).type === 'request.updated',
    )
    const updated = verifiedEvent(hook.secret, receiver.received[updatedIndex]!)
    expect(updated.data.changes).toEqual(['status'])
    expect(updated.data.previous).toEqual({ status: 'open' })
    expect(updated.data.request).toMatchObject({
      id: requestId,
      title: 'Dark mode',
      status: 'planned',
    })
    expect(updated.data.request.author).toEqual({
      sub: 'ann',
      email: 'ann@example.com',
      mrrCents: 4900,
      company: null,
    })
    const headers = receiver.received[1]!.headers
    expect(headers['webhook-id']).toMatch(/^msg_/)
    expect(headers['webhook-signature']).toMatch(/^v1,/)
    expect(() =>
      new Webhook(`whsec_${randomBytes(24).toString('base64')}`).verify(
        receiver.received[1]!.body,
        headers,
      ),
    ).toThrow()
  })

  it('sends vote events with the voter only to endpoints subscribed to them', async () => {
    const votesOnly = await addWebhook(server, projectId, receiver.url, [
      'vote.created',
      'vote.deleted',
    ])
    const other = await startWebhookReceiver()
    await addWebhook(server, projectId, other.url, ['request.merged'])
    const requestId = await submit(server, projectId, visitor(), 'Export')
    const bob = await customer(
      secret,
      projectId,
      { sub: 'bob', email: 'bob@example.com', amount: 1000 },
      clock.now(),
    )
    await vote(server, projectId, bob, requestId)
    await vote(server, projectId, bob, requestId) // a repeat changes nothing and tells nobody
    await vote(server, projectId, bob, requestId, 'DELETE')
    await server.drainJobs()

    // Standard Webhooks promises no order: sort by event type.
    const events = receiver.received
      .map((r) => verifiedEvent(votesOnly.secret, r))
      .sort((a, b) => a.type.localeCompare(b.type))
    expect(events.map((e) => e.type)).toEqual(['vote.created', 'vote.deleted'])
    expect(events[0]!.data.request.id).toBe(requestId)
    // Each event carries the counters right after its own vote.
    expect(events[0]!.data.request.votes - events[1]!.data.request.votes).toBe(1)
    expect(events[0]!.data.voter).toEqual({
      sub: 'bob',
      email: 'bob@example.com',
      mrrCents: 1000,
      company: null,
    })
    expect(other.received).toHaveLength(0)
    await other.close()
  })

  it('tells a burst of votes together: each webhook has its own voter and counts, over a few kept-alive connections', async () => {
    const hook = await addWebhook(server, projectId, receiver.url, ['vote.created'])
    const requestId = await submit(server, projectId, visitor(), 'Export')
    const subs = Array.from({ length: 12 }, (_, i) => `voter-${i}`)
    for (const sub of subs) {
      const person = await customer(
        secret,
        projectId,
        { sub, email: `${sub}@example.com` },
        clock.now(),
      )
      await vote(server, projectId, person, requestId)
    }
    for (let i = 0; i < 8; i++) await vote(server, projectId, visitor(), requestId)
    await server.drainJobs()

    const events = verifiedEvents(receiver, hook.secret)
    expect(events).toHaveLength(20)
    // The author's own vote is 1; each of the 20 later votes carries the count right after it.
    expect(events.map((e) => e.data.request.votes).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    )
    const voters = events.map((e) => e.data.voter?.sub ?? null)
    expect(voters.filter((sub) => sub !== null).sort()).toEqual([...subs].sort())
    expect(voters.filter((sub) => sub === null)).toHaveLength(8)
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(20)
    // At most perLane (4) deliveries to one endpoint run at once, each on a reused connection.
    expect(receiver.connections).toBeLessThanOrEqual(4)
    const deliveries = await (
      await server.adminFetch(`/v1/admin/projects/${projectId}/webhooks/${hook.id}/deliveries`)
    ).json()
    expect(deliveries.deliveries).toHaveLength(20)
    for (const delivery of deliveries.deliveries)
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 })
  })

  it('queues no vote job at all when no endpoint listens to votes', async () => {
    const requestId = await submit(server, projectId, visitor(), 'Export')
    await vote(server, projectId, visitor(), requestId)
    expect(await server.store.jobs.counts(projectId)).toEqual({ queued: 0, running: 0, failed: 0 })
  })

  it('retries a 500 with the same webhook-id until a 200, and logs every attempt', async () => {
    const hook = await addWebhook(server, projectId, receiver.url, ['request.created'])
    receiver.statuses.push(500, 500)
    await submit(server, projectId, visitor(), 'SSO')
    await server.drainJobs()
    expect(receiver.received).toHaveLength(1)
    clock.advance(1_000)
    await server.drainJobs()
    expect(receiver.received).toHaveLength(2)
    clock.advance(1_000) // the second retry waits 2 s
    await server.drainJobs()
    expect(receiver.received).toHaveLength(2)
    clock.advance(1_000)
    await server.drainJobs()
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 200])
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1)
    for (const r of receiver.received) verifiedEvent(hook.secret, r)

    const log = await (
      await server.adminFetch(`/v1/admin/projects/${projectId}/webhooks/${hook.id}/deliveries`)
    ).json()
    expect(log.deliveries).toEqual([
      expect.objectContaining({
        id: receiver.received[0]!.headers['webhook-id'],
        event: 'request.created',
        status: 'delivered',
        attempts: 3,
        lastStatusCode: 200,
        nextAttemptAt: null,
      }),
    ])
  })

  it('ends a delivery failed after the last retry, and "retry now" sends it again', async () => {
    const hook = await addWebhook(server, projectId, receiver.url, ['request.created'])
    receiver.statuses.push(503, 503, 503, 503)
    await submit(server, projectId, visitor(), 'SSO')
    for (const wait of [0, 1_000, 2_000, 4_000]) {
      clock.advance(wait)
      await server.drainJobs()
    }
    const path = `/v1/admin/projects/${projectId}/webhooks/${hook.id}/deliveries`
    const [failed] = (await (await server.adminFetch(path)).json()).deliveries
    expect(failed).toMatchObject({ status: 'failed', attempts: 4, lastStatusCode: 503 })
    const jobs = await (await server.adminFetch(`/v1/admin/projects/${projectId}/jobs`)).json()
    expect(jobs.failed).toEqual([expect.objectContaining({ kind: 'webhook', attempts: 4 })])

    const retry = await server.adminFetch(`${path}/${failed.id}/retry`, { method: 'POST' })
    expect(retry.status).toBe(202)
    await server.drainJobs()
    const [delivered] = (await (await server.adminFetch(path)).json()).deliveries
    expect(delivered).toMatchObject({ id: failed.id, status: 'delivered', lastStatusCode: 200 })
    expect(receiver.received.at(-1)?.headers['webhook-id']).toBe(failed.id)
    const after = await (await server.adminFetch(`/v1/admin/projects/${projectId}/jobs`)).json()
    expect(after.failed).toEqual([])
  })

  it('sends a test event, rotates the secret and deletes the endpoint', async () => {
    const hook = await addWebhook(server, projectId, receiver.url)
    const base = `/v1/admin/projects/${projectId}/webhooks/${hook.id}`
    expect((await server.adminFetch(`${base}/test`, { method: 'POST' })).status).toBe(202)
    await server.drainJobs()
    expect(verifiedEvent(hook.secret, receiver.received[0]!).type).toBe('webhook.test')

    const rotated = await (await server.adminFetch(`${base}/secret`, { method: 'POST' })).json()
    expect(rotated.secret).toMatch(/^whsec_/)
    await server.adminFetch(`${base}/test`, { method: 'POST' })
    await server.drainJobs()
    expect(verifiedEvent(rotated.secret, receiver.received[1]!).type).toBe('webhook.test')
    expect(() => verifiedEvent(hook.secret, receiver.received[1]!)).toThrow()

    expect((await server.adminFetch(base, { method: 'DELETE' })).status).toBe(204)
    await submit(server, projectId, visitor(), 'After delete')
    await server.drainJobs()
    expect(receiver.received).toHaveLength(2)
    expect((await server.adminFetch(`${base}/deliveries`)).status).toBe(404)
  })

  it('two workers on one database never deliver one job twice', async () => {
    const hook = await addWebhook(server, projectId, receiver.url, ['request.created'])
    const visitorOne = visitor()
    for (let i = 0; i < 30; i++) await submit(server, projectId, visitorOne, `Request ${i}`)
    const second = (await import('../../src/server/jobs')).createNotifications({
      store: server.store,
      clock,
      logger: { info() {}, warn() {}, error() {} },
      config: { ...server.notifications.config },
      runner: { perLane: 2, concurrency: 3 },
    })
    await Promise.all([server.drainJobs(), second.runner.drain(), server.drainJobs()])
    await second.close()
    const ids = receiver.received.map(
      (r) => verifiedEvent(hook.secret, r) && r.headers['webhook-id'],
    )
    expect(ids).toHaveLength(30)
    expect(new Set(ids).size).toBe(30)
  })
})

describe('webhook targets', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ notify: { webhookAllowPrivate: false } })
  })
  afterAll(async () => {
    await server.close()
  })

  it.each([
    'http://127.0.0.1:9/hook',
    'http://localhost/hook',
    'http://10.1.2.3/hook',
    'http://192.168.0.10/hook',
    'http://172.20.0.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hook',
    'http://[fe80::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'ftp://example.com/hook',
    'not a url',
  ])('refuses %s with 400 validation_failed', async (url) => {
    const { project } = await server.createProject('Targets')
    const res = await server.adminFetch(`/v1/admin/projects/${project.id}/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ url }),
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error).toMatchObject({ code: 'validation_failed', field: 'url' })
  })

  it('accepts a public address', async () => {
    const { project } = await server.createProject('Targets')
    const res = await server.adminFetch(`/v1/admin/projects/${project.id}/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ url: 'https://93.184.215.14/hook' }),
    })
    expect(res.status).toBe(201)
  })
})
