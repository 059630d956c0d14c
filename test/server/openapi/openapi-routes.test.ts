// Issue 28: GET /v1/openapi.json (public, CORS like the widget's GETs, cacheable by ETag) and
// GET /docs/api (a readable page rendered on the server, under a CSP that allows no script).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/start-server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.close()
})

describe('GET /v1/openapi.json', () => {
  it('answers the document to any origin, with an ETag that makes a repeat a 304', async () => {
    const res = await fetch(`${server.url}/v1/openapi.json`, {
      headers: { Origin: 'https://customer.example' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const document = await res.json()
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toContain('/v1/projects/{projectId}/requests')
    const etag = res.headers.get('ETag')
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await fetch(`${server.url}/v1/openapi.json`, {
      headers: { 'If-None-Match': etag ?? '' },
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('answers a CORS preflight from any origin', async () => {
    const res = await fetch(`${server.url}/v1/openapi.json`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://customer.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })
})

describe('GET /docs/api', () => {
  it('answers a page naming the operations, grouped, with a link to the JSON', async () => {
    const res = await fetch(`${server.url}/docs/api`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html><html lang="en">/)
    expect(html).toContain('href="/v1/openapi.json"')
    for (const text of [
      '<h2 id="tag-widget">Widget</h2>',
      '<h2 id="tag-auth">Auth</h2>',
      '<code>/v1/projects/{projectId}/requests/{requestId}/vote</code>',
      'Submit a request',
      'Sign in',
      'Idempotency-Key (header)',
      '<code>request.votes</code>',
      'validation_failed',
    ])
      expect(html).toContain(text)
  })

  it('runs no script and loads nothing but its own hashed stylesheet', async () => {
    const res = await fetch(`${server.url}/docs/api`)
    const csp = res.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/)
    expect(csp).not.toContain('script-src')
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
    const html = await res.text()
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|https?:\/\/(?!json-schema)/)
  })

  it('answers 304 to a browser that has the page', async () => {
    const first = await fetch(`${server.url}/docs/api`)
    await first.text()
    const res = await fetch(`${server.url}/docs/api`, {
      headers: { 'If-None-Match': first.headers.get('ETag') ?? '' },
    })
    expect(res.status).toBe(304)
  })
})
