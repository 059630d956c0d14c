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

export function listen(
  app: { fetch: Hono['fetch'] },
  host: string,
  port: number,
): Promise<RunningServer> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      resolvePromise({ server, port: info.port, drain: (timeoutMs) => drain(server, timeoutMs) })
    }) as Server
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
