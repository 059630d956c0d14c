import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { storeBackends } from '../helpers/backends'
import { addWebhook, patchRequest, submit, visitor } from '../helpers/loop-fixtures'
import { seedEmbeddedDatabase } from '../helpers/seed-embedded'
import { startTestServer, type TestServerOptions } from '../helpers/start-server'
import { startWebhookReceiver } from '../helpers/webhook-receiver'

/** Options that make two servers, one after the other, share one database. */
function sharedDatabase(backend: { databaseUrl: string | undefined }): {
  options: TestServerOptions
  cleanup(): void
} {
  if (backend.databaseUrl) {
    return {
      options: {
        databaseUrl: backend.databaseUrl,
        pgSchema: `reqio_test_${randomBytes(6).toString('hex')}`,
      },
      cleanup() {},
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'reqio-restart-'))
  // Restarts are the subject, not the first open's migrations.
  seedEmbeddedDatabase(dataDir)
  return { options: { dataDir }, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) }
}

// An embedded database on disk takes a while to create on a busy machine.
describe.each(storeBackends())(
  'webhook delivery across restarts on $name',
  { timeout: 120_000 },
  (backend) => {
    const cleanups: (() => Promise<void> | void)[] = []
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    })

    it('a delivery waiting for its retry when the server stops is sent by the next server, with the same webhook-id', async () => {
      const clock = frozenClock(Date.now())
      const db = sharedDatabase(backend)
      cleanups.push(db.cleanup)
      const receiver = await startWebhookReceiver({ statuses: [500, 500] })
      cleanups.push(() => receiver.close())
      const notify = { webhookRetrySeconds: [1, 2, 4] }

      const first = await startTestServer({ ...db.options, clock, notify })
      const { project } = await first.createProject('Acme')
      const hook = await addWebhook(first, project.id, receiver.url, ['request.updated'])
      const requestId = await submit(first, project.id, visitor(), 'Dark mode')
      await patchRequest(first, project.id, requestId, { status: 'planned' })
      await first.drainJobs()
      expect(receiver.received.map((r) => r.status)).toEqual([500])
      await first.close()

      const second = await startTestServer({
        ...db.options,
        dropSchema: true,
        clock,
        notify,
        demo: false,
      })
      cleanups.push(() => second.close())
      clock.advance(1_000)
      await second.drainJobs()
      clock.advance(2_000)
      await second.drainJobs()
      clock.advance(60_000)
      await second.drainJobs()
      expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 200])
      expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1)
      for (const r of receiver.received) new Webhook(hook.secret).verify(r.body, r.headers)
    })

    it('an event committed just before the process died still goes out when the next one starts', async () => {
      const clock = frozenClock(Date.now())
      const db = sharedDatabase(backend)
      cleanups.push(db.cleanup)
      const receiver = await startWebhookReceiver()
      cleanups.push(() => receiver.close())

      const first = await startTestServer({ ...db.options, clock })
      const { project } = await first.createProject('Acme')
      await addWebhook(first, project.id, receiver.url, ['request.created'])
      await submit(first, project.id, visitor(), 'Export') // queued; no worker runs here
      await first.close()
      expect(receiver.received).toHaveLength(0)

      const second = await startTestServer({ ...db.options, dropSchema: true, clock, demo: false })
      cleanups.push(() => second.close())
      await second.drainJobs()
      await second.drainJobs()
      expect(receiver.received).toHaveLength(1)
    })
  },
)

describe('a stuck endpoint', () => {
  it('delays neither other endpoints nor the API', async () => {
    const stuck = await startWebhookReceiver({ hang: true })
    const healthy = await startWebhookReceiver()
    const server = await startTestServer({ jobs: 'auto' })
    try {
      const { project } = await server.createProject('Acme')
      await addWebhook(server, project.id, stuck.url, ['request.created'])
      await addWebhook(server, project.id, healthy.url, ['request.created'])
      const person = visitor()
      const started = Date.now()
      for (let i = 0; i < 10; i++) await submit(server, project.id, person, `Request ${i}`)
      await healthy.waitFor(10)
      // Far below the 10 s the stuck endpoint holds each of its deliveries.
      expect(Date.now() - started).toBeLessThan(5_000)
      const list = await fetch(`${server.url}/v1/projects/${project.id}/requests`)
      expect(list.status).toBe(200)
    } finally {
      await stuck.close()
      await healthy.close()
      await server.close()
    }
  })
})
