import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ifNoneMatchIncludes } from '../../src/server/http/if-none-match'
import { listen, SERVER_TIMEOUTS } from '../../src/server/listen'
import { startTestServer, type TestServer } from '../helpers/start-server'

let server: TestServer
beforeAll(async () => {
  const distDir = mkdtempSync(join(tmpdir(), 'reqio-dist-'))
  writeFileSync(join(distDir, 'widget.js'), 'console.log("reqio")')
  mkdirSync(join(distDir, 'dashboard'), { recursive: true })
  writeFileSync(
    join(distDir, 'dashboard', 'index.html'),
    '<!doctype html><script type="module" src="/dashboard/assets/app.js"></script>',
  )
  server = await startTestServer({ distDir, demo: true, requestTimeoutMs: 1_000 })
})
afterAll(() => server.close())

describe('If-None-Match', () => {
  const hostile = `a${' '.repeat(16_000)}b`

  it('parses a 16 KB header in well under 5 ms (it was quadratic in runs of spaces)', () => {
    const started = performance.now()
    for (let i = 0; i < 10; i++) ifNoneMatchIncludes(hostile, '"etag"')
    expect((performance.now() - started) / 10).toBeLessThan(5)
  })

  it('answers a 16 KB If-None-Match on /widget.js, / and /dashboard/ quickly, and still 304s a listed ETag', async () => {
    for (const path of ['/widget.js', '/', '/dashboard/']) {
      const timings: number[] = []
      for (let i = 0; i < 3; i++) {
        const started = performance.now()
        const res = await fetch(`${server.url}${path}`, { headers: { 'If-None-Match': hostile } })
        await res.arrayBuffer()
        timings.push(performance.now() - started)
        expect(res.status).toBe(200)
      }
      // Over HTTP on a shared machine; it took 126-217 ms of CPU before.
      expect(Math.min(...timings)).toBeLessThan(60)
    }
    const first = await fetch(`${server.url}/widget.js`)
    const etag = first.headers.get('etag') ?? ''
    const again = await fetch(`${server.url}/widget.js`, {
      headers: { 'If-None-Match': `"other",   ${etag} , "more"` },
    })
    expect(again.status).toBe(304)
  })
})

describe('security headers', () => {
  it('sends a strict CSP with frame-ancestors none, no inline script, on the dashboard', async () => {
    const res = await fetch(`${server.url}/dashboard/`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('forbids framing the demo page, and sends nosniff everywhere', async () => {
    const demo = await fetch(`${server.url}/`)
    expect(demo.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(demo.headers.get('referrer-policy')).toBeTruthy()
    for (const path of ['/', '/widget.js', '/dashboard', '/v1/projects/demo/widget', '/v1/nope']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
  })

  it('keeps widget.js embeddable from any site: CORS *, cross-origin CORP, no framing or CSP rule', async () => {
    const res = await fetch(`${server.url}/widget.js`)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('content-security-policy')).toBeNull()
    expect(res.headers.get('x-frame-options')).toBeNull()
  })
})

describe('slow clients', () => {
  it('closes a connection whose body never finishes once the request timeout passes', async () => {
    const socket = connect(server.port, '127.0.0.1')
    const closed = new Promise<{ data: string; ms: number }>((resolve) => {
      const started = Date.now()
      let data = ''
      socket.on('data', (chunk) => {
        data += chunk.toString()
      })
      socket.on('close', () => resolve({ data, ms: Date.now() - started }))
    })
    socket.write(
      'POST /v1/projects/demo/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\nX-Reqio-Anonymous-Id: slow-client-1\r\n\r\n{"title":',
    )
    const { data, ms } = await closed
    expect(ms).toBeLessThan(5_000)
    expect(data).toMatch(/^HTTP\/1\.1 408|^$/)
  })

  it('sets requestTimeout, headersTimeout and keep-alive to a few tens of seconds at most in production', async () => {
    const running = await listen({ fetch: () => new Response('ok') }, '127.0.0.1', 0)
    try {
      expect(running.server.requestTimeout).toBe(SERVER_TIMEOUTS.requestTimeoutMs)
      expect(running.server.requestTimeout).toBeLessThanOrEqual(60_000)
      expect(running.server.headersTimeout).toBeLessThanOrEqual(30_000)
      expect(running.server.keepAliveTimeout).toBeLessThanOrEqual(10_000)
    } finally {
      await running.drain(100)
    }
  })
})
