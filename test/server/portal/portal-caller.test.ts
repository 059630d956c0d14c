import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createErrorHandler } from '../../../src/server/errors'
import type { AppEnv, RouteDeps } from '../../../src/server/http/env'
import { silentLogger } from '../../../src/server/logger'
import { resolvePortalCaller } from '../../../src/server/portal/portal-caller'
import type { ProjectRecord } from '../../../src/server/store'
import { DEFAULT_PROJECT_SETTINGS } from '../../../src/shared/api'

/** The caller middleware in front of a handler that says who it would write as. */
function portalWith(settings: Record<string, unknown>) {
  const project = {
    id: 'acme',
    name: 'Acme',
    settings: { ...DEFAULT_PROJECT_SETTINGS, ...settings },
  } as unknown as ProjectRecord
  const deps = {
    caches: { project: async (id: string) => (id === 'acme' ? project : null) },
    config: { publicUrl: null },
  } as unknown as RouteDeps
  const app = new Hono<AppEnv>()
  app.onError(createErrorHandler(silentLogger))
  app.post('/p/:projectId/requests', resolvePortalCaller(deps), (c) =>
    c.json({ voter: c.get('actor')?.voter }),
  )
  return app
}

describe('the portal caller', () => {
  it('answers 404 for every write when the project turned its portal off', async () => {
    const res = await portalWith({ portal: { enabled: false } }).request('/p/acme/requests', {
      method: 'POST',
    })
    expect(res.status).toBe(404)
  })

  it('writes as the anonymous id a script sends, else as the visitor cookie’s', async () => {
    const app = portalWith({})
    const fromHeader = await app.request('/p/acme/requests', {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': 'script-visitor-1' },
    })
    expect(await fromHeader.json()).toEqual({ voter: 'a:script-visitor-1' })
    const fromCookie = await app.request('/p/acme/requests', {
      method: 'POST',
      headers: { Cookie: 'reqio_portal_visitor=cookie-visitor-1' },
    })
    expect(await fromCookie.json()).toEqual({ voter: 'a:cookie-visitor-1' })
  })

  it('serves the visitor cookie at / on the project’s own domain', async () => {
    const app = portalWith({ portal: { domain: 'feedback.example.com' } })
    const res = await app.request('http://feedback.example.com/p/acme/requests', {
      method: 'POST',
      headers: { Host: 'feedback.example.com', Origin: 'http://feedback.example.com' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('Set-Cookie')).toContain('Path=/;')
  })
})
