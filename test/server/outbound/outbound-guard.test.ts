/**
 * The one guard for everything that leaves Reqio (issue 24, item 5): a connection goes only to
 * an address that was checked, so DNS rebinding (public for the check, 127.0.0.1 for the
 * connection) reaches nothing, and IPv4 hidden in IPv6 transition ranges is refused.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/server/clock'
import { readServerConfig } from '../../../src/server/config'
import { createNotifications } from '../../../src/server/jobs'
import { postWebhook } from '../../../src/server/jobs/webhooks/send'
import { silentLogger } from '../../../src/server/logger'
import {
  createOutboundGuard,
  OutboundRefusedError,
  outboundGuard,
  type ResolvedAddress,
  type ResolveHost,
} from '../../../src/server/outbound/outbound-guard'
import type { WebhookDeliveryInfo } from '../../../src/shared/notifications'
import { storeBackends } from '../../helpers/backends'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver'

const PUBLIC: ResolvedAddress = { address: '93.184.215.14', family: 4 }
const LOOPBACK: ResolvedAddress = { address: '127.0.0.1', family: 4 }

/** A rebinding name server: the first answer is public, every later one is 127.0.0.1. */
function rebindingResolver(): ResolveHost & { calls: string[] } {
  const calls: string[] = []
  const resolve = async (hostname: string) => {
    calls.push(hostname)
    return calls.length === 1 ? [PUBLIC] : [LOOPBACK]
  }
  return Object.assign(resolve, { calls })
}

const TRANSITION_ADDRESSES = [
  ['::/96 (IPv4-compatible)', '::7f00:1'],
  ['64:ff9b::/96 (NAT64)', '64:ff9b::7f00:1'],
  ['64:ff9b:1::/48 (local NAT64)', '64:ff9b:1::a00:1'],
  ['2002::/16 (6to4)', '2002:7f00:1::1'],
  ['2001::/32 (Teredo)', '2001:0:4136:e378:8000:63bf:80ff:fffe'],
  ['::ffff:0:0:0/96 (IPv4-translated)', '::ffff:0:7f00:1'],
  ['fec0::/10 (site-local)', 'fec0::1'],
] as const

let receiver: WebhookReceiver
beforeEach(async () => {
  receiver = await startWebhookReceiver()
})
afterEach(() => receiver.close())

const receiverPort = () => new URL(receiver.url).port

describe.each(storeBackends())('webhook deliveries through the guard on $name', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
  })
  afterAll(() => server.close())

  /** Saves an endpoint, queues its test event and runs it with a queue using `guard`. */
  async function deliverTestEvent(url: string, guard: ReturnType<typeof createOutboundGuard>) {
    const { project } = await server.createProject('Rebind')
    const created = await server.adminFetch(`/v1/admin/projects/${project.id}/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ url }),
    })
    expect(created.status).toBe(201)
    const { webhook } = (await created.json()) as { webhook: { id: string } }
    const base = `/v1/admin/projects/${project.id}/webhooks/${webhook.id}`
    expect((await server.adminFetch(`${base}/test`, { method: 'POST' })).status).toBe(202)
    const queue = createNotifications({
      store: server.store,
      clock: systemClock,
      logger: silentLogger,
      config: { ...server.notifications.config, webhookAllowPrivate: guard.allowPrivate },
      outbound: guard,
    })
    await queue.runner.drain()
    await queue.close()
    const list = await server.adminFetch(`${base}/deliveries`)
    return ((await list.json()) as { deliveries: WebhookDeliveryInfo[] }).deliveries
  }

  it('never reaches a loopback receiver when the host answers public, then 127.0.0.1', async () => {
    const resolver = rebindingResolver()
    const guard = createOutboundGuard({ allowPrivate: false, resolve: resolver })
    // `localhost` is 127.0.0.1 to the system resolver too: a socket that resolved the name
    // again by itself would reach the receiver.
    const [delivery] = await deliverTestEvent(`http://localhost:${receiverPort()}/hooks`, guard)
    expect(resolver.calls.length).toBeGreaterThanOrEqual(2)
    expect(receiver.received).toHaveLength(0)
    expect(receiver.connections).toBe(0)
    expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: null })
    expect(delivery?.lastError).toMatch(/refused/)
  })

  it('still delivers to loopback with REQIO_WEBHOOK_ALLOW_PRIVATE=1, for local testing', async () => {
    expect(readServerConfig({ REQIO_WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate).toBe(true)
    const guard = createOutboundGuard({ allowPrivate: true, resolve: async () => [LOOPBACK] })
    const [delivery] = await deliverTestEvent(`http://localhost:${receiverPort()}/hooks`, guard)
    expect(receiver.received).toHaveLength(1)
    expect(delivery).toMatchObject({ status: 'delivered', lastStatusCode: 200 })
  })
})

describe('the outbound guard', () => {
  const send = (url: string, guard = outboundGuard(false)) =>
    postWebhook(url, { 'content-type': 'application/json' }, '{}', 5_000, guard)

  it('refuses a literal loopback address on connecting, without the save-time check', async () => {
    await expect(send(receiver.url)).rejects.toBeInstanceOf(OutboundRefusedError)
    expect(receiver.connections).toBe(0)
  })

  it('connects to the address its lookup checked, not one resolved again', async () => {
    const resolver = rebindingResolver()
    const guard = createOutboundGuard({ allowPrivate: false, resolve: resolver })
    expect(await guard.targetProblem(`http://rebind.test:${receiverPort()}/hooks`)).toBeNull()
    await expect(send(`http://rebind.test:${receiverPort()}/hooks`, guard)).rejects.toBeInstanceOf(
      OutboundRefusedError,
    )
    expect(resolver.calls).toEqual(['rebind.test', 'rebind.test'])
    expect(receiver.connections).toBe(0)
  })

  it('refuses a name when any of its addresses is private', async () => {
    const guard = createOutboundGuard({
      allowPrivate: false,
      resolve: async () => [PUBLIC, LOOPBACK],
    })
    expect(await guard.targetProblem('https://mixed.test/hook')).toMatch(/refused/)
    await expect(send(`http://mixed.test:${receiverPort()}/hooks`, guard)).rejects.toBeInstanceOf(
      OutboundRefusedError,
    )
  })

  it.each(TRANSITION_ADDRESSES)(
    'refuses %s, as a literal and as a lookup answer',
    async (_, ip) => {
      const guard = createOutboundGuard({
        allowPrivate: false,
        resolve: async () => [{ address: ip, family: 6 }],
      })
      expect(await guard.targetProblem(`http://[${ip}]/hook`)).toMatch(/refused/)
      expect(await guard.targetProblem('http://transition.test/hook')).toMatch(/refused/)
      await expect(send(`http://[${ip}]:9/hook`, guard)).rejects.toBeInstanceOf(
        OutboundRefusedError,
      )
      await expect(send('http://transition.test:9/hook', guard)).rejects.toBeInstanceOf(
        OutboundRefusedError,
      )
    },
  )

  it('lets public IPv6 and IPv4-mapped public addresses through the check', async () => {
    const guard = createOutboundGuard({ allowPrivate: false, resolve: async () => [] })
    expect(await guard.targetProblem('https://[2606:4700:4700::1111]/hook')).toBeNull()
    expect(await guard.targetProblem('https://[::ffff:8.8.8.8]/hook')).toBeNull()
    expect(await guard.targetProblem('https://[::ffff:127.0.0.1]/hook')).toMatch(/refused/)
  })
})

describe('webhook targets saved over HTTP', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ demo: false, notify: { webhookAllowPrivate: false } })
  })
  afterAll(() => server.close())

  it.each(TRANSITION_ADDRESSES)('refuses %s with 400 validation_failed', async (_, ip) => {
    const { project } = await server.createProject('Targets')
    const res = await server.adminFetch(`/v1/admin/projects/${project.id}/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ url: `http://[${ip}]/hook` }),
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error).toMatchObject({ code: 'validation_failed', field: 'url' })
  })
})
