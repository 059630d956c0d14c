import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'

export interface RunningServer {
  server: Server
  port: number
  /** Stops accepting, lets in-flight requests finish (forcing after timeoutMs), then resolves. */
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
        resolvePromise({ server, port: info.port, drain: (timeoutMs) => drain(server, timeoutMs) })
      },
    ) as Server
    // Bounds how many requests one keep-alive connection may send.
    server.maxRequestsPerSocket = 1_000
    server.once('error', reject)
  })
}

function drain(server: Server, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs)
    force.unref()
    server.close(() => {
      clearTimeout(force)
      resolvePromise()
    })
    // Keep-alive sockets with no request in flight would otherwise hold close() open.
    server.closeIdleConnections()
  })
}
