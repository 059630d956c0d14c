import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { truncateAllTables } from '../../../src/server/store/reset'
import type { WebhookEndpointInfo } from '../../../src/shared/notifications'
import { storeBackends } from '../../helpers/backends'
import { addWebhook, submit, visitor } from '../../helpers/loop-fixtures'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver'

describe.each(storeBackends())('changing the events of a webhook endpoint on $name', (backend) => {
  let server: TestServer
  let receiver: WebhookReceiver
  let projectId: string
  let base: string

  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: backend.databaseUrl })
    receiver = await startWebhookReceiver()
  })
  afterAll(async () => {
    await server.close()
    await receiver.close()
  })
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    receiver.received.length = 0
    projectId = (await server.createProject('Acme')).project.id
    base = `/v1/admin/projects/${projectId}/webhooks`
  })

  const patch = (id: string, body: unknown) =>
    server.adminFetch(`${base}/${id}`, { method: 'PATCH', body: JSON.stringify(body) })
  const receivedTypes = () =>
    receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type)

  it('sends only the chosen events from then on, and every event again after null', async () => {
    const hook = await addWebhook(server, projectId, receiver.url)
    const res = await patch(hook.id, { events: ['comment.created'] })
    expect(res.status).toBe(200)
    const { webhook } = (await res.json()) as { webhook: WebhookEndpointInfo }
    expect(webhook).toMatchObject({ id: hook.id, url: receiver.url, events: ['comment.created'] })

    await submit(server, projectId, visitor(), 'Dark mode')
    await server.drainJobs()
    expect(receivedTypes()).toEqual([])

    expect((await patch(hook.id, { events: null })).status).toBe(200)
    await submit(server, projectId, visitor(), 'Export to CSV')
    await server.drainJobs()
    expect(receivedTypes()).toEqual(['request.created'])
    const [listed] = (
      (await (await server.adminFetch(base)).json()) as {
        webhooks: WebhookEndpointInfo[]
      }
    ).webhooks
    expect(listed?.events).toBeNull()
  })

  it('keeps the secret: deliveries after the change verify with the one shown at creation', async () => {
    const hook = await addWebhook(server, projectId, receiver.url, ['vote.created'])
    await patch(hook.id, { events: ['request.created'] })
    await submit(server, projectId, visitor(), 'Dark mode')
    await server.drainJobs()
    const { Webhook } = await import('standardwebhooks')
    const [delivery] = receiver.received
    expect(delivery).toBeDefined()
    expect(() =>
      new Webhook(hook.secret).verify(delivery?.body as string, delivery?.headers ?? {}),
    ).not.toThrow()
  })

  it('audits the change with the events before and after, naming the endpoint by its origin', async () => {
    const hook = await addWebhook(server, projectId, `${receiver.url}/secret-path`, [
      'vote.created',
    ])
    await patch(hook.id, { events: ['vote.created', 'vote.deleted', 'vote.created'] })
    // The stored entry (the audit API's answer is auth-audit's to shape).
    const entries = await server.store.audit.list(projectId)
    const entry = entries.find((e) => e.action === 'webhook.events_changed')
    expect(entry?.target).toBe(new URL(receiver.url).origin)
    expect(entry?.detail).toEqual({
      before: ['vote.created'],
      after: ['vote.created', 'vote.deleted'],
    })
    const audit = JSON.stringify(entries)
    expect(audit).not.toContain('secret-path')
  })

  it('answers 400 naming `events` for an unknown event, an empty list or no events at all', async () => {
    const hook = await addWebhook(server, projectId, receiver.url)
    for (const body of [{ events: ['vote.exploded'] }, { events: [] }, {}, { events: 'all' }]) {
      const res = await patch(hook.id, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      const { error } = (await res.json()) as { error: { code: string; field: string } }
      expect(error.code).toBe('validation_failed')
      expect(error.field).toMatch(/^events/)
    }
  })

  it('answers 404 not_found for an endpoint that is not in the project', async () => {
    const res = await patch('wh_nope', { events: null })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})
