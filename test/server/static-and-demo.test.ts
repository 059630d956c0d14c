import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PROJECT_SETTINGS } from '../../src/shared/api'
import { audienceFor } from '../../src/shared/identity'
import { startTestServer, type TestServer } from '../helpers/start-server'

describe('static files from the same process', () => {
  let server: TestServer
  let distDir: string
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'reqio-dist-'))
    writeFileSync(join(distDir, 'widget.js'), 'console.log("reqio")')
    mkdirSync(join(distDir, 'dashboard', 'assets'), { recursive: true })
    writeFileSync(
      join(distDir, 'dashboard', 'index.html'),
      '<!doctype html><title>Dashboard</title>',
    )
    writeFileSync(join(distDir, 'dashboard', 'assets', 'app-abc.js'), 'export {}')
    server = await startTestServer({ distDir, demo: true })
  })
  afterAll(async () => {
    await server.close()
  })

  it('serves widget.js as JavaScript with an ETag, Cache-Control and 304 on a match', async () => {
    const res = await fetch(`${server.url}/widget.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/)
    const etag = res.headers.get('etag')
    expect(etag).toMatch(/^".+"$/)
    expect(await res.text()).toBe('console.log("reqio")')
    const again = await fetch(`${server.url}/widget.js`, {
      headers: { 'If-None-Match': etag ?? '' },
    })
    expect(again.status).toBe(304)
  })

  it('serves the dashboard with a fallback to its index.html for client-side routes', async () => {
    for (const path of [
      '/dashboard',
      '/dashboard/',
      '/dashboard/projects/demo/backlog',
      // A request's shared link opens the dashboard, under the same strict policy.
      '/dashboard/p/demo/requests/r_AbC-d_9',
    ]) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<title>Dashboard</title>')
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    }
    expect((await fetch(`${server.url}/dashboard/p/demo/requests/%E0%A4%A`)).status).toBe(400)
    const asset = await fetch(`${server.url}/dashboard/assets/app-abc.js`)
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await fetch(`${server.url}/dashboard/assets/missing.js`)).status).toBe(404)
    expect((await fetch(`${server.url}/dashboard/..%2F..%2Fetc%2Fpasswd`)).status).not.toBe(200)
  })

  it('answers a clear 503 instead of crashing when dist is not built', async () => {
    const empty = await startTestServer({
      distDir: mkdtempSync(join(tmpdir(), 'reqio-empty-')),
      demo: false,
    })
    try {
      const res = await fetch(`${empty.url}/widget.js`)
      expect(res.status).toBe(503)
      expect(await res.text()).toContain('npm run build')
    } finally {
      await empty.close()
    }
  })

  it('answers unknown API routes with a JSON not_found error', async () => {
    const res = await fetch(`${server.url}/v1/nothing-here`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } })
  })

  describe('demo mode', () => {
    it('seeds the demo project and mints tokens for it that the API accepts', async () => {
      const project = await (await fetch(`${server.url}/v1/projects/demo/widget`)).json()
      expect(project).toEqual({
        project: { id: 'demo', name: 'Acme Analytics', settings: DEFAULT_PROJECT_SETTINGS },
      })
      const minted = await fetch(`${server.url}/demo/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          sub: 'demo-user',
          email: 'demo@example.com',
          traits: { plan: 'pro', amount: 4900, interval: 'month' },
        }),
      })
      expect(minted.status).toBe(200)
      const { token } = (await minted.json()) as { token: string }
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())
      expect(payload).toMatchObject({ sub: 'demo-user', aud: audienceFor('demo') })
      expect(payload.exp - payload.iat).toBe(300)
      const identify = await fetch(`${server.url}/v1/projects/demo/identify`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'X-Reqio-Anonymous-Id': 'anon-demo-1' },
      })
      expect(await identify.json()).toEqual({ user: { id: 'demo-user' } })
    })

    it('renders the demo page signed in when asked with ?as=, the token in the widget tag', async () => {
      const { customers } = (await (await fetch(`${server.url}/demo/customers`)).json()) as {
        customers: { key: string; sub: string }[]
      }
      expect(customers.map((c) => c.key)).toEqual(['free', 'pro', 'enterprise', 'enterprise2'])
      const html = await (await fetch(`${server.url}/?as=pro`)).text()
      const token = /data-identity-token="([^"]+)"/.exec(html)?.[1] ?? ''
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())
      expect(payload).toMatchObject({
        sub: 'demo_priya',
        aud: audienceFor('demo'),
        traits: { plan: 'pro', amount: 4900, interval: 'month' },
      })
      const identify = await fetch(`${server.url}/v1/projects/demo/identify`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'X-Reqio-Anonymous-Id': 'anon-demo-2' },
      })
      expect(identify.status).toBe(200)
      expect(await (await fetch(`${server.url}/?as=nobody`)).text()).not.toMatch(
        /data-identity-token="/,
      )
    })

    it('counts the Enterprise company once when both of its demo customers vote', async () => {
      const { customers } = (await (await fetch(`${server.url}/demo/customers`)).json()) as {
        customers: { key: string; sub: string; email: string; traits: object; company?: object }[]
      }
      const initech = customers.filter((c) => c.key.startsWith('enterprise'))
      expect(initech.map((c) => c.company)).toEqual([
        { id: 'initech', name: 'Initech' },
        { id: 'initech', name: 'Initech' },
      ])
      const created = await fetch(`${server.url}/v1/projects/demo/requests`, {
        method: 'POST',
        headers: { 'X-Reqio-Anonymous-Id': 'anon-demo-author', 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Audit log export' }),
      })
      const { request } = (await created.json()) as { request: { id: string } }
      for (const customer of initech) {
        const minted = await fetch(`${server.url}/demo/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(customer),
        })
        const { token } = (await minted.json()) as { token: string }
        const vote = await fetch(`${server.url}/v1/projects/demo/requests/${request.id}/vote`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'X-Reqio-Anonymous-Id': `anon-${customer.key}`,
          },
        })
        expect(vote.status).toBe(200)
      }
      const backlog = await server.adminFetch('/v1/admin/projects/demo/backlog?sort=new')
      const { requests } = (await backlog.json()) as {
        requests: { id: string; votes: number; accounts: number; mrrCents: number }[]
      }
      // $1,200 a year is 10,000 cents a month: once for Initech, not twice.
      expect(requests.find((r) => r.id === request.id)).toMatchObject({
        votes: 3, // the anonymous author and the two Initech customers
        accounts: 1,
        mrrCents: 10_000,
      })
    })

    it('has no demo token endpoint and no demo project when demo mode is off', async () => {
      const off = await startTestServer({ demo: false })
      try {
        expect(
          (await fetch(`${off.url}/demo/token`, { method: 'POST', body: '{"sub":"x"}' })).status,
        ).toBe(404)
        expect((await fetch(`${off.url}/v1/projects/demo/widget`)).status).toBe(404)
        expect(await (await fetch(`${off.url}/?as=pro`)).text()).not.toMatch(
          /data-identity-token="/,
        )
      } finally {
        await off.close()
      }
    })
  })
})
