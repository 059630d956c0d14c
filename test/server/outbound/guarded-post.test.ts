// guardedPost, the one way webhooks and Slack messages leave: a kept-alive connection the
// receiver closed just as it was reused is tried once more on a fresh one (the request never
// reached the receiver), anything else fails at once, and a receiver that never answers is cut
// at the deadline.
import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { guardedPost } from '../../../src/server/outbound/guarded-post'
import { createOutboundGuard } from '../../../src/server/outbound/outbound-guard'

const OK = 'HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\nKeep-Alive: timeout=30\r\n\r\n'

/**
 * A raw HTTP receiver that answers each connection's first request, and treats a connection's
 * later requests with `later`: hang up at once (a receiver closing an idle keep-alive
 * connection), or say nothing at all.
 */
async function receiver(
  later: 'hang up' | 'silence',
): Promise<{ url: string; server: Server; connections: () => number; requests: () => number }> {
  let connections = 0
  let requests = 0
  const server = createServer((socket: Socket) => {
    connections++
    let seen = 0
    socket.on('data', (chunk) => {
      const heads = chunk.toString('latin1').split('\r\n\r\n').length - 1
      for (let i = 0; i < heads; i++) {
        requests++
        seen++
        if (seen === 1) socket.write(OK)
        else if (later === 'hang up') socket.destroy()
      }
    })
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${address.port}/hook`,
    server,
    connections: () => connections,
    requests: () => requests,
  }
}

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0))
    await new Promise<void>((resolve) => server.close(() => resolve()))
})

const statusOf = (url: string, guard: ReturnType<typeof createOutboundGuard>, timeoutMs = 5_000) =>
  guardedPost(
    { url, headers: {}, body: '{}', timeoutMs, timeoutError: () => new Error('deadline') },
    guard,
    (response, settle) => {
      settle(response.statusCode ?? 0)
      response.resume()
    },
  )

describe('guardedPost', () => {
  it('sends again on a fresh connection when a reused one is closed under it, once', async () => {
    const target = await receiver('hang up')
    servers.push(target.server)
    const guard = createOutboundGuard({ allowPrivate: true })
    expect(await statusOf(target.url, guard)).toBe(204)
    // The second POST goes out on the kept-alive connection, which the receiver hangs up on.
    expect(await statusOf(target.url, guard)).toBe(204)
    expect(target.connections()).toBe(2)
    // Each connection saw its request; the one hung up on never answered, so nothing doubled.
    expect(target.requests()).toBe(3)
  })

  it('ends a request the receiver never answers at the deadline, without a second try', async () => {
    const target = await receiver('silence')
    servers.push(target.server)
    const guard = createOutboundGuard({ allowPrivate: true })
    expect(await statusOf(target.url, guard)).toBe(204)
    await expect(statusOf(target.url, guard, 300)).rejects.toThrow('deadline')
    expect(target.connections()).toBe(1)
  })
})
