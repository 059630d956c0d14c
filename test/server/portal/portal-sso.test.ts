import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import { readServerConfig } from '../../../src/server/config'
import type { Logger } from '../../../src/server/logger'
import { portalPersonOf } from '../../../src/server/portal/portal-session'
import { audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { mintToken, unsignedToken } from '../../helpers/tokens'

const START = Date.parse('2026-12-06T09:00:00Z')
const WEEK_MS = 604_800 * 1000

describe.each(storeBackends())('portal sign-in on $name', (backend) => {
  const clock = frozenClock(START)
  const logged: string[] = []
  const logger: Logger = {
    info: (message, fields) => logged.push(`${message} ${JSON.stringify(fields ?? {})}`),
    warn: (message, fields) => logged.push(`${message} ${JSON.stringify(fields ?? {})}`),
    error: (message, error) => logged.push(`${message} ${String(error)}`),
  }
  let server: TestServer
  let pid: string
  let secret: string
  let otherPid: string

  beforeAll(async () => {
    server = await startTestServer({
      demo: false,
      clock,
      logger,
      databaseUrl: backend.databaseUrl,
    })
    ;({
      project: { id: pid },
      secret,
    } = await server.createProject('Acme'))
    otherPid = (await server.createProject('Other')).project.id
  })
  afterAll(() => server.close())

  const token = (claims: Record<string, unknown> = {}, forPid = pid, withSecret = secret) =>
    mintToken(
      withSecret,
      { sub: 'cus_42', aud: audienceFor(forPid), email: 'ana@example.com', name: 'Ana', ...claims },
      { nowMs: clock.now() },
    )

  const signIn = (query: Record<string, string>, forPid = pid) =>
    fetch(`${server.url}/p/${forPid}/sso?${new URLSearchParams(query)}`, { redirect: 'manual' })

  const cookieOf = (res: Response) => {
    const match = /reqio_portal=([^;]+)/.exec(res.headers.get('Set-Cookie') ?? '')
    if (!match?.[1]) throw new Error(`no portal cookie in ${res.headers.get('Set-Cookie')}`)
    return match[1]
  }

  /** Who portalPersonOf sees for this cookie, through the app's own store, clock and config. */
  const personFor = async (cookie: string | null, forPid = pid) => {
    const project = await server.store.projects.find(forPid)
    if (!project) throw new Error('no project')
    const deps = { store: server.store, clock, config: readServerConfig({}) }
    const probe = new Hono().get('/p/:projectId/whoami', async (c) =>
      c.json({ person: await portalPersonOf(c, project, deps) }),
    )
    const res = await probe.request(`${server.url}/p/${forPid}/whoami`, {
      headers: cookie ? { Cookie: `reqio_portal=${cookie}` } : {},
    })
    return ((await res.json()) as { person: { sub: string; name: string } | null }).person
  }

  const logout = (cookie: string, headers: Record<string, string>, returnTo?: string) =>
    fetch(`${server.url}/p/${pid}/sso/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Cookie: `reqio_portal=${cookie}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body: new URLSearchParams(returnTo ? { return_to: returnTo } : {}),
    })

  it('signs the person in with a week-long cookie scoped to the project and goes back to the page', async () => {
    const page = `${server.url}/p/${pid}/requests/r_123?sort=new#comments`
    const res = await signIn({ token: await token(), return_to: page })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe(page)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const setCookie = res.headers.get('Set-Cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toContain(`Path=/p/${pid}`)
    expect(setCookie).toContain('Max-Age=604800')
    expect(setCookie).not.toMatch(/Secure/i)

    const cookie = cookieOf(res)
    expect(await personFor(cookie)).toMatchObject({ sub: 'cus_42', name: 'Ana' })
    // Another project's portal does not know this session.
    expect(await personFor(cookie, otherPid)).toBeNull()
    // Only the hash is stored.
    const rows = await server.store.db.query<{ id_hash: string }>(
      'SELECT id_hash FROM portal_sessions WHERE project_id = $1',
      [pid],
    )
    const hashed = createHash('sha256').update(cookie).digest('base64url')
    expect(rows.map((row) => row.id_hash)).toContain(hashed)
    expect(rows.map((row) => row.id_hash)).not.toContain(cookie)
    // The person is recorded like any verified token's person.
    expect(await server.store.people.find(pid, 'cus_42')).toBeTruthy()
  })

  it.each([
    ['token_expired', async () => token({ iat: START / 1000 - 400, exp: START / 1000 - 100 })],
    ['token_signature', async () => token({}, pid, 'not-the-secret')],
    ['token_audience', async () => token({ aud: audienceFor('someone-else') })],
    ['token_alg', async () => unsignedToken({ sub: 'x', aud: audienceFor(pid) })],
    ['token_malformed', async () => 'not-a-jwt'],
    ['token_malformed', async () => ''],
  ])('refuses a bad token with a 401 page naming %s and sets no cookie', async (code, bad) => {
    const res = await signIn({ token: await bad(), return_to: `${server.url}/p/${pid}/roadmap` })
    expect(res.status).toBe(401)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(res.headers.get('Set-Cookie')).toBeNull()
    const html = await res.text()
    expect(html).toContain(`<code>${code}</code>`)
    expect(html).toContain('<meta name="referrer" content="no-referrer"/>')
    expect(html).toContain(`href="${server.url}/p/${pid}"`)
    // The page runs nothing and nobody frames it.
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'")
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it('sends the browser only to pages of that project’s portal, else to the board', async () => {
    const board = `${server.url}/p/${pid}`
    const cases: [string, string][] = [
      [`${server.url}/p/${pid}/roadmap`, `${server.url}/p/${pid}/roadmap`],
      [`/p/${pid}/changelog`, `${server.url}/p/${pid}/changelog`],
      [`${server.url}/p/${pid}`, board],
      ['https://evil.example/p/x', board],
      [`//evil.example/p/${pid}`, board],
      [`/\\evil.example/p/${pid}`, board],
      [`${server.url}/p/${otherPid}/roadmap`, board],
      [`${server.url}/p/${pid}x/roadmap`, board],
      [`${server.url}/p/${pid}/../${otherPid}`, board],
      [`${server.url}/p/${pid}/%2e%2e/${otherPid}`, board],
      [`${server.url}/dashboard`, board],
      [`${server.url}/p/${pid}/sso?token=x`, board],
      ['javascript:alert(1)', board],
      [`http://user:pw@127.0.0.1:${server.port}/p/${pid}`, board],
    ]
    for (const [returnTo, expected] of cases) {
      const res = await signIn({ token: await token(), return_to: returnTo })
      expect([returnTo, res.headers.get('Location')]).toEqual([returnTo, expected])
    }
    const withoutReturn = await signIn({ token: await token() })
    expect(withoutReturn.headers.get('Location')).toBe(board)
  })

  it('signs out with the portal’s own Origin only: the session is revoked and the cookie cleared', async () => {
    const cookie = cookieOf(await signIn({ token: await token() }))
    const foreign = await logout(cookie, { Origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    const missing = await logout(cookie, {})
    expect(missing.status).toBe(403)
    expect(await personFor(cookie)).toMatchObject({ sub: 'cus_42' })

    const page = `${server.url}/p/${pid}/roadmap`
    const res = await logout(cookie, { Origin: server.url }, page)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(page)
    const cleared = res.headers.get('Set-Cookie') ?? ''
    expect(cleared).toMatch(/reqio_portal=;/)
    expect(cleared).toContain(`Path=/p/${pid}`)
    expect(cleared).toContain('Max-Age=0')
    // Revoked on the server: the old cookie value signs nobody in any more.
    expect(await personFor(cookie)).toBeNull()
  })

  it('replaces the browser’s earlier session when it signs in again', async () => {
    const first = cookieOf(await signIn({ token: await token() }))
    const again = await fetch(
      `${server.url}/p/${pid}/sso?token=${await token({ name: 'Ana B' })}`,
      {
        redirect: 'manual',
        headers: { Cookie: `reqio_portal=${first}` },
      },
    )
    const second = cookieOf(again)
    expect(await personFor(first)).toBeNull()
    expect(await personFor(second)).toMatchObject({ sub: 'cus_42', name: 'Ana B' })
  })

  it('ends a session a week after sign-in', async () => {
    const cookie = cookieOf(await signIn({ token: await token() }))
    clock.advance(WEEK_MS - 1000)
    expect(await personFor(cookie)).toMatchObject({ sub: 'cus_42' })
    clock.advance(2000)
    expect(await personFor(cookie)).toBeNull()
  })

  it('ends sessions signed under a rotated secret once that secret stops verifying', async () => {
    const { project, secret: ownSecret } = await server.createProject('Rotates')
    const res = await signIn(
      { token: await token({ aud: audienceFor(project.id) }, project.id, ownSecret) },
      project.id,
    )
    const cookie = cookieOf(res)
    expect(await personFor(cookie, project.id)).toMatchObject({ sub: 'cus_42' })
    const rotated = await server.adminFetch(`/v1/admin/projects/${project.id}/secret`, {
      method: 'POST',
      body: JSON.stringify({ graceSeconds: 60 }),
    })
    expect(rotated.status).toBe(201)
    expect(await personFor(cookie, project.id)).toMatchObject({ sub: 'cus_42' })
    clock.advance(61_000)
    expect(await personFor(cookie, project.id)).toBeNull()
  })

  it('answers an HTML 404 for a project that does not exist, and sets no cookie', async () => {
    const res = await signIn({ token: await token() }, 'no-such-project')
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(res.headers.get('Set-Cookie')).toBeNull()
  })

  it('never writes a token or a session id to the log', async () => {
    const good = await token({ sub: 'cus_logged' })
    const cookie = cookieOf(await signIn({ token: good }))
    await signIn({ token: `${good}x` })
    await logout(cookie, { Origin: server.url })
    const text = logged.join('\n')
    expect(text).toContain('/sso')
    expect(text).not.toContain(good.split('.')[2])
    expect(text).not.toContain(cookie)
  })
})

describe.each(storeBackends())('portal sign-in limits on $name', (backend) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer({
      demo: false,
      databaseUrl: backend.databaseUrl,
      ipWritesPerMinute: 2,
    })
  })
  afterAll(() => server.close())

  it('spends the IP’s write budget: past it, 429 with Retry-After and no cookie', async () => {
    const { project, secret } = await server.createProject('Limited')
    const signIn = async () =>
      fetch(
        `${server.url}/p/${project.id}/sso?token=${await mintToken(secret, { sub: 'u', aud: audienceFor(project.id) })}`,
        { redirect: 'manual' },
      )
    expect((await signIn()).status).toBe(302)
    expect((await signIn()).status).toBe(302)
    const refused = await signIn()
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/)
    expect(refused.headers.get('Set-Cookie')).toBeNull()
  })
})
