/**
 * A real webhook endpoint on 127.0.0.1 that keeps every request it receives and answers with
 * the status codes it is told to (then 200), or never answers when `hang` is set.
 *
 *   const receiver = await startWebhookReceiver({ statuses: [500, 500] })
 *   ... receiver.url, receiver.received[i].headers['webhook-id'] ...
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

export interface ReceivedWebhook {
  headers: Record<string, string>
  body: string
  status: number
}

export interface WebhookReceiver {
  url: string
  received: ReceivedWebhook[]
  /** Answer these codes to the next requests, in order, then 200. */
  statuses: number[]
  /** While true, requests are held open and never answered. */
  hang: boolean
  /** TCP connections opened to this receiver so far (kept-alive ones count once). */
  connections: number
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number): Promise<void>
  close(): Promise<void>
}

export async function startWebhookReceiver(
  options: { statuses?: number[]; hang?: boolean } = {},
): Promise<WebhookReceiver> {
  const waiters: { count: number; resolve: () => void }[] = []
  const hanging = new Set<ServerResponse>()
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    statuses: [...(options.statuses ?? [])],
    hang: options.hang ?? false,
    connections: 0,
    waitFor: (count) =>
      receiver.received.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (receiver.hang) {
        hanging.add(res)
        return
      }
      const status = receiver.statuses.shift() ?? 200
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers[name] = value
      receiver.received.push({ headers, body: Buffer.concat(chunks).toString('utf8'), status })
      res.writeHead(status).end()
      for (const waiter of [...waiters]) {
        if (receiver.received.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
      }
    })
  })
  server.on('connection', () => {
    receiver.connections++
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  return receiver
}

/** A delivery's event, read through its Standard Webhooks signature. */
export interface VerifiedEvent {
  type: string
  timestamp: string
  data: Record<string, any>
}

/** The event in `received`, its signature checked with the endpoint's `secret` (throws if it fails). */
export function verifiedEvent(
  secret: string,
  received: { body: string; headers: Record<string, string> },
): VerifiedEvent {
  return new Webhook(secret).verify(received.body, received.headers) as VerifiedEvent
}

/** Every event `receiver` has had so far, each checked against `secret`. */
export function verifiedEvents(receiver: WebhookReceiver, secret: string): VerifiedEvent[] {
  return receiver.received.map((received) => verifiedEvent(secret, received))
}
