import type { Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'

export interface RunningServer {
  server: Server
  port: number
  /**
   * Keeps serving (new answers say `Connection: close`) until the requests in flight when it
   * was called have finished, then stops listening and waits for whatever arrived meanwhile;
   * connections still open after timeoutMs are cut. Resolves once the port is closed.
   */
  drain(timeoutMs?: number): Promise<void>
}

/**
 * Node's defaults let a client hold a connection for 300 s by sending its body a byte at a
 * time. Ours: the whole request within 30 s, its headers within 15 s, an idle keep-alive
 * connection closed after 5 s.
 */
export const SERVER_TIMEOUTS = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
}

export interface ListenOptions {
  /** Shorter in tests that wait for it; headersTimeout follows it down. */
  requestTimeoutMs?: number
}

export function listen(
  app: { fetch: Hono['fetch'] },
  host: string,
  port: number,
  options: ListenOptions = {},
): Promise<RunningServer> {
  const requestTimeout = options.requestTimeoutMs ?? SERVER_TIMEOUTS.requestTimeoutMs
  const headersTimeout = Math.min(SERVER_TIMEOUTS.headersTimeoutMs, requestTimeout)
  return new Promise((resolvePromise, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        hostname: host,
        port,
        serverOptions: {
          requestTimeout,
          headersTimeout,
          keepAliveTimeout: SERVER_TIMEOUTS.keepAliveTimeoutMs,
          // How often Node checks those deadlines (default 30 s, longer than a short timeout).
          connectionsCheckingInterval: Math.min(1_000, requestTimeout),
        },
      },
      (info: AddressInfo) => {
        resolvePromise({
          server,
          port: info.port,
          drain: (timeoutMs) => drain(server, inFlight, timeoutMs),
        })
      },
    ) as Server
    const inFlight = trackInFlight(server)
    // Bounds how many requests one keep-alive connection may send.
    server.maxRequestsPerSocket = 1_000
    server.once('error', reject)
  })
}

interface InFlight {
  responses: Set<ServerResponse>
  draining: boolean
}

/** The responses not yet finished, so draining knows what it waits for. */
function trackInFlight(server: Server): InFlight {
  const inFlight: InFlight = { responses: new Set(), draining: false }
  server.on('request', (_req, res: ServerResponse) => {
    // While draining, clients reconnect for their next request (to another process, if any).
    if (inFlight.draining) res.setHeader('Connection', 'close')
    inFlight.responses.add(res)
    res.once('close', () => inFlight.responses.delete(res))
  })
  return inFlight
}

async function drain(server: Server, inFlight: InFlight, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  inFlight.draining = true
  const pending = [...inFlight.responses].map(
    (res) => new Promise<void>((resolveClosed) => res.once('close', () => resolveClosed())),
  )
  await Promise.race([Promise.all(pending), sleep(timeoutMs)])
  await new Promise<void>((resolvePromise) => {
    const force = setTimeout(() => server.closeAllConnections(), Math.max(0, deadline - Date.now()))
    force.unref()
    server.close(() => {
      clearTimeout(force)
      resolvePromise()
    })
    // Keep-alive sockets with no request in flight would otherwise hold close() open.
    server.closeIdleConnections()
  })
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms).unref())
}
