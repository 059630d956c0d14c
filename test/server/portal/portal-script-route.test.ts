import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PORTAL_SCRIPT_BROTLI_BUDGET } from '../../../vite.config'
import { startTestServer, type TestServer } from '../../helpers/start-server'

describe('GET /portal.js', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ demo: false })
  })
  afterAll(async () => {
    await server.close()
  })

  it('serves the portal’s own built script, compressed and revalidated by ETag', async () => {
    const res = await fetch(`${server.url}/portal.js`, { headers: { 'Accept-Encoding': 'br' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('Content-Encoding')).toBe('br')
    expect(res.headers.get('ETag')).toBeTruthy()
    const again = await fetch(`${server.url}/portal.js`, {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': res.headers.get('ETag') ?? '' },
    })
    expect(again.status).toBe(304)
    expect(await res.text()).toContain('data-portal-vote')
  })

  it('is its own file, not the widget, and within its brotli budget', () => {
    const portal = readFileSync(join('dist', 'portal.js'))
    const widget = readFileSync(join('dist', 'widget.js'))
    expect(portal.toString()).not.toContain('reqio-widget')
    expect(portal.length).toBeLessThan(widget.length)
    expect(brotliCompressSync(portal).length).toBeLessThanOrEqual(PORTAL_SCRIPT_BROTLI_BUDGET)
  })
})
