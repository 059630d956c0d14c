import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/server/clock'
import { readServerConfig } from '../../../src/server/config'
import { createErrorHandler } from '../../../src/server/errors'
import { resolveClientAddress } from '../../../src/server/http/client-address'
import type { AppEnv, RouteDeps } from '../../../src/server/http/env'
import { IdentityVerifier } from '../../../src/server/identity/identity-verifier'
import { inProcessLimits } from '../../../src/server/limits/limits'
import { silentLogger } from '../../../src/server/logger'
import { portalSsoRoutes } from '../../../src/server/portal/portal-sso'
import type { ProjectRecord, Store } from '../../../src/server/store'
import { audienceFor } from '../../../src/shared/identity'
import { openTestStore } from '../../helpers/test-store'
import { mintToken } from '../../helpers/tokens'

/**
 * The sign-in on a project's own portal domain, and on a turned-off portal. The settings that
 * say so are written by Settings › Portal; here the project the routes load carries them.
 */
const DOMAIN = 'feedback.example.com'
const REQIO = 'https://reqio.example.net'
const SECRET = 'a-secret-long-enough-for-hs256-signing-0123456789'

let store: Store
let stored: ProjectRecord
let portal: Record<string, unknown>

beforeAll(async () => {
  store = await openTestStore()
  stored = await store.projects.create({
    id: 'acme',
    name: 'Acme',
    secret: SECRET,
    now: Date.now(),
  })
})
afterAll(() => store.close())

function app() {
  const config = { ...readServerConfig({}), publicUrl: REQIO, adminToken: 'unused' }
  const deps = {
    store,
    clock: systemClock,
    config,
    rateLimiter: inProcessLimits(systemClock),
    verifier: new IdentityVerifier({ clock: systemClock, audienceBase: config.audienceBase }),
    caches: {
      project: async (id: string) =>
        id === stored.id
          ? ({ ...stored, settings: { ...stored.settings, portal } } as unknown as ProjectRecord)
          : null,
    },
  } as unknown as RouteDeps
  const hono = new Hono<AppEnv>()
  hono.onError(createErrorHandler(silentLogger))
  hono.use('*', resolveClientAddress(null))
  hono.route('/', portalSsoRoutes(deps))
  return hono
}

const token = () => mintToken(SECRET, { sub: 'cus_7', name: 'Bo', aud: audienceFor(stored.id) })

describe('portal sign-in on the project’s own domain', () => {
  beforeAll(() => {
    portal = { enabled: true, domain: DOMAIN }
  })

  it('sets the cookie for the whole domain, Secure over https, and returns to a page of it', async () => {
    const page = `https://${DOMAIN}/requests/r_1`
    const res = await app().request(
      `https://${DOMAIN}/p/acme/sso?${new URLSearchParams({ token: await token(), return_to: page })}`,
    )
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe(page)
    const setCookie = res.headers.get('Set-Cookie') ?? ''
    expect(setCookie).toContain('Path=/;')
    expect(setCookie).toMatch(/Secure/)
    expect(setCookie).toContain('Max-Age=604800')
  })

  it('sends a return_to off the domain (Reqio’s own origin included) to the domain’s board', async () => {
    for (const returnTo of [
      `${REQIO}/p/acme/roadmap`,
      'https://evil.example/',
      `https://${DOMAIN}/sso`,
    ]) {
      const res = await app().request(
        `https://${DOMAIN}/p/acme/sso?${new URLSearchParams({ token: await token(), return_to: returnTo })}`,
      )
      expect(res.headers.get('Location')).toBe(`https://${DOMAIN}/`)
    }
  })

  it('signs out only with the domain’s Origin, clearing the cookie at Path=/', async () => {
    const signIn = await app().request(
      `https://${DOMAIN}/p/acme/sso?${new URLSearchParams({ token: await token() })}`,
    )
    const cookie = /reqio_portal=[^;]+/.exec(signIn.headers.get('Set-Cookie') ?? '')?.[0] ?? ''
    const post = (origin: string) =>
      app().request(`https://${DOMAIN}/p/acme/sso/logout`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: origin },
      })
    expect((await post(REQIO)).status).toBe(403)
    const res = await post(`https://${DOMAIN}`)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`https://${DOMAIN}/`)
    expect(res.headers.get('Set-Cookie')).toMatch(/reqio_portal=;.*Path=\//)
  })

  it('on Reqio’s own origin keeps the cookie to /p/{pid} and Secure because REQIO_PUBLIC_URL is https', async () => {
    const res = await app().request(
      `${REQIO}/p/acme/sso?${new URLSearchParams({ token: await token() })}`,
    )
    expect(res.headers.get('Location')).toBe(`${REQIO}/p/acme`)
    expect(res.headers.get('Set-Cookie')).toMatch(/Path=\/p\/acme;.*Secure/)
  })
})

describe('a turned-off portal', () => {
  beforeAll(() => {
    portal = { enabled: false }
  })

  it('answers 404 to the sign-in and the sign-out, and signs nobody in', async () => {
    const signIn = await app().request(
      `${REQIO}/p/acme/sso?${new URLSearchParams({ token: await token() })}`,
    )
    expect(signIn.status).toBe(404)
    expect(signIn.headers.get('Set-Cookie')).toBeNull()
    const signOut = await app().request(`${REQIO}/p/acme/sso/logout`, {
      method: 'POST',
      headers: { Origin: REQIO },
    })
    expect(signOut.status).toBe(404)
  })
})
