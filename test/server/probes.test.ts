// /healthz and /readyz as a load balancer, Docker or Kubernetes calls them (spec v3 "Running in
// production"), on both databases, and the drain after SIGTERM over a real server process.
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import packageJson from '../../package.json' with { type: 'json' }
import { storeBackends } from '../helpers/backends'
import { startServerProcess } from '../helpers/server-process'
import { startTestServer, type TestServer } from '../helpers/start-server'

describe.each(storeBackends())('probes on $name', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({
      ...(backend.databaseUrl ? { databaseUrl: backend.databaseUrl } : {}),
      demo: false,
      // Tight limits: the probes must not count against them.
      ipReadsPerMinute: 2,
      authFailuresPer15Minutes: 2,
    })
  })
  afterAll(async () => {
    await server.close()
  })

  it('answers /healthz with ok and the version from package.json, uncached', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', version: packageJson.version })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('answers /readyz with ready and the version while the database answers', async () => {
    const res = await fetch(`${server.url}/readyz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ready', version: packageJson.version })
  })

  it('never rate-limits or asks for auth, whatever the caller sends', async () => {
    for (let i = 0; i < 12; i++) {
      for (const path of ['/healthz', '/readyz']) {
        const res = await fetch(`${server.url}${path}`, {
          headers: { Authorization: 'Bearer wrong-token', 'X-Forwarded-For': '203.0.113.9' },
        })
        expect(res.status).toBe(200)
      }
    }
  })

  it('says unavailable (503) while a migration of this build is missing from the database', async () => {
    const db = server.store.db
    const [latest] = await db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version DESC LIMIT 1',
    )
    if (!latest) throw new Error('no migrations recorded')
    await db.query('DELETE FROM schema_migrations WHERE version = $1', [latest.version])
    try {
      const res = await fetch(`${server.url}/readyz`)
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({ status: 'unavailable' })
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    } finally {
      await db.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        latest.version,
        latest.name,
      ])
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  })

  it('says unavailable (503) within its timeout while the database hangs, /healthz still ok', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    // A transaction holding the table the probe reads: its query waits past the 2 s timeout.
    const holding = server.store.db.transaction(async (tx) => {
      await tx.exec('LOCK TABLE schema_migrations IN ACCESS EXCLUSIVE MODE')
      await held
    })
    try {
      const health = await fetch(`${server.url}/healthz`)
      expect(health.status).toBe(200)
      const res = await fetch(`${server.url}/readyz`)
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({ status: 'unavailable' })
    } finally {
      release()
      await holding
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  })
})

describe('draining after SIGTERM', () => {
  /** Sends a login request's headers with `Expect: 100-continue` and holds back its body. */
  function startSlowRequest(port: number, body: string): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
            `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
        )
      })
      socket.once('error', reject)
      // The server answers 100 Continue once the request is in its hands: in flight from here.
      socket.once('data', (chunk: Buffer) => {
        if (chunk.toString().startsWith('HTTP/1.1 100')) resolve(socket)
        else reject(new Error(`expected 100 Continue, got ${chunk.toString()}`))
      })
    })
  }

  function responseOf(socket: Socket): Promise<string> {
    return new Promise((resolve) => {
      let text = ''
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString()
      })
      socket.on('close', () => resolve(text))
      socket.on('end', () => resolve(text))
    })
  }

  function portIsClosed(port: number): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(false)
      })
      socket.once('error', () => resolve(true))
    })
  }

  it('keeps serving until in-flight requests finish, /readyz says draining, then exits 0', async () => {
    const server = await startServerProcess({ DATABASE_URL: '' })
    const port = Number(new URL(server.url).port)
    try {
      const body = JSON.stringify({ email: 'nobody@example.com', password: 'not the password' })
      const socket = await startSlowRequest(port, body)
      const answer = responseOf(socket)

      process.kill(server.pid, 'SIGTERM')
      let ready: Response
      do {
        ready = await fetch(`${server.url}/readyz`)
      } while (ready.status === 200)
      expect(ready.status).toBe(503)
      expect(await ready.json()).toEqual({ status: 'draining' })
      // New connections are still taken while the request is in flight.
      const health = await fetch(`${server.url}/healthz`)
      expect(health.status).toBe(200)
      expect(health.headers.get('connection')).toBe('close')

      socket.write(body)
      expect(await answer).toMatch(/^HTTP\/1\.1 401 /)
      expect(await server.exited).toBe(0)
      expect(await portIsClosed(port)).toBe(true)
      expect(server.output()).toContain('SIGTERM: draining')
    } finally {
      await server.stop()
    }
  })
})
