import { createHash } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import type { Logger } from '../../../src/server/logger'
import { truncateAllTables } from '../../../src/server/store/reset'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import {
  cookieFetch,
  joinTeam,
  logIn,
  postJson,
  sessionCookieFrom,
  setUpOwner,
  TEST_PASSWORD,
} from '../../helpers/team'

const clock = frozenClock(Date.parse('2026-03-02T09:00:00Z'))
const logged: string[] = []
const capturingLogger: Logger = {
  info: (message) => logged.push(message),
  warn: (message) => logged.push(message),
  error: (message, error) => logged.push(`${message} ${String(error)}`),
}
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ demo: false, clock, logger: capturingLogger })
})
afterAll(() => server.close())
beforeEach(async () => {
  await truncateAllTables(server.store.db)
  clock.set(Date.parse('2026-03-02T09:00:00Z'))
})

const me = (cookie: string) => cookieFetch(server, cookie)('/v1/auth/me')

describe('first start', () => {
  it('asks for the owner account while nobody is on the team, and only then', async () => {
    const before = (await (await fetch(`${server.url}/v1/auth/setup`)).json()) as {
      needed: boolean
    }
    expect(before.needed).toBe(true)
    const owner = await setUpOwner(server, { email: 'Olive@Example.com' })
    expect(owner.member).toMatchObject({ email: 'olive@example.com', role: 'owner' })
    const after = (await (await fetch(`${server.url}/v1/auth/setup`)).json()) as {
      needed: boolean
    }
    expect(after.needed).toBe(false)

    const session = (await (
      await fetch(`${server.url}/v1/auth/session`, { headers: { Cookie: owner.cookie } })
    ).json()) as { member: { email: string } | null; setupNeeded: boolean }
    expect(session).toMatchObject({ member: { email: 'olive@example.com' }, setupNeeded: false })
    const signedOut = await fetch(`${server.url}/v1/auth/session`)
    expect(signedOut.status).toBe(200)
    expect(await signedOut.json()).toEqual({ member: null, setupNeeded: false })

    const again = await postJson(server, '/v1/auth/setup', {
      adminToken: server.adminToken,
      email: 'mallory@example.com',
      name: 'Mallory',
      password: TEST_PASSWORD,
    })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict')
  })

  it('refuses setup without the right admin token or with a short password', async () => {
    const wrong = await postJson(server, '/v1/auth/setup', {
      adminToken: 'not-it',
      email: 'a@example.com',
      name: 'A',
      password: TEST_PASSWORD,
    })
    expect(wrong.status).toBe(401)
    const short = await postJson(server, '/v1/auth/setup', {
      adminToken: server.adminToken,
      email: 'a@example.com',
      name: 'A',
      password: 'too-short',
    })
    expect(short.status).toBe(400)
    expect(((await short.json()) as { error: { field: string } }).error.field).toBe('password')
  })

  it('keeps existing projects: an install with projects and no member gets the owner screen', async () => {
    await server.createProject('Existing')
    const status = (await (await fetch(`${server.url}/v1/auth/setup`)).json()) as {
      needed: boolean
    }
    expect(status.needed).toBe(true)
    const owner = await setUpOwner(server)
    const list = (await (await owner.fetch('/v1/admin/projects')).json()) as {
      projects: { name: string }[]
    }
    expect(list.projects.map((p) => p.name)).toEqual(['Existing'])
  })
})

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, not Secure over plain http, and lasts 14 idle days', async () => {
    await setUpOwner(server)
    const res = await logIn(server, 'olive.owner@example.com', TEST_PASSWORD)
    expect(res.status).toBe(200)
    const line = res.headers.getSetCookie().find((l) => l.startsWith('reqio_session=')) as string
    expect(line).toMatch(/; HttpOnly/)
    expect(line).toMatch(/; SameSite=Lax/)
    expect(line).toMatch(/; Path=\//)
    expect(line).toMatch(/; Max-Age=1209600/)
    expect(line).not.toMatch(/Secure/)
  })

  it('stores only the hash of the session id, and never answers it in a body', async () => {
    const owner = await setUpOwner(server)
    const sessionId = owner.cookie.split('=')[1] as string
    const rows = await server.store.db.query<{ id_hash: string }>('SELECT id_hash FROM sessions')
    expect(rows.map((r) => r.id_hash)).toEqual([
      createHash('sha256').update(sessionId).digest('base64url'),
    ])
    const body = await (await me(owner.cookie)).text()
    expect(body).not.toContain(sessionId)
    expect(body).toContain('olive.owner@example.com')
  })

  it('dies after 14 idle days, and lives on while it is used', async () => {
    const owner = await setUpOwner(server)
    clock.advance(13 * 24 * 3600_000)
    expect((await me(owner.cookie)).status).toBe(200)
    clock.advance(13 * 24 * 3600_000)
    expect((await me(owner.cookie)).status).toBe(200)
    clock.advance(14 * 24 * 3600_000 + 1000)
    expect((await me(owner.cookie)).status).toBe(401)
    expect((await owner.fetch('/v1/admin/projects')).status).toBe(401)
  })

  it('is refused server-side after sign-out, even if the browser kept it', async () => {
    const owner = await setUpOwner(server)
    const out = await owner.fetch('/v1/auth/logout', { method: 'POST' })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie().join()).toMatch(/reqio_session=;.*Max-Age=0/)
    expect((await me(owner.cookie)).status).toBe(401)
    expect((await owner.fetch('/v1/admin/projects')).status).toBe(401)
  })

  it('signs out everywhere: every session of that member, and nobody else', async () => {
    const owner = await setUpOwner(server)
    const viewer = await joinTeam(server, owner, 'viewer')
    const second = sessionCookieFrom(await logIn(server, owner.member.email, TEST_PASSWORD))
    const res = await owner.fetch('/v1/auth/logout-everywhere', { method: 'POST' })
    expect(res.status).toBe(204)
    expect((await me(owner.cookie)).status).toBe(401)
    expect((await me(second)).status).toBe(401)
    expect((await me(viewer.cookie)).status).toBe(200)
  })

  it('is Secure when REQIO_PUBLIC_URL is https', async () => {
    const https = await startTestServer({ demo: false, publicUrl: 'https://feedback.example.com' })
    try {
      const res = await postJson(
        https,
        '/v1/auth/setup',
        {
          adminToken: https.adminToken,
          email: 'o@example.com',
          name: 'O',
          password: TEST_PASSWORD,
        },
        { Origin: 'https://feedback.example.com' },
      )
      expect(res.status).toBe(201)
      expect(res.headers.getSetCookie().join()).toMatch(/reqio_session=[^;]+;.*Secure/)
    } finally {
      await https.close()
    }
  })
})

describe('passwords', () => {
  it('changes the password: the old one stops working and other sessions end', async () => {
    const owner = await setUpOwner(server)
    const other = sessionCookieFrom(await logIn(server, owner.member.email, TEST_PASSWORD))
    const wrong = await owner.fetch('/v1/auth/password', {
      method: 'POST',
      body: JSON.stringify({ currentPassword: 'not my password', newPassword: 'a brand new one!' }),
    })
    expect(wrong.status).toBe(400)
    const res = await owner.fetch('/v1/auth/password', {
      method: 'POST',
      body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new one!' }),
    })
    expect(res.status).toBe(204)
    expect((await me(owner.cookie)).status).toBe(200)
    expect((await me(other)).status).toBe(401)
    expect((await logIn(server, owner.member.email, TEST_PASSWORD)).status).toBe(401)
    expect((await logIn(server, owner.member.email, 'a brand new one!')).status).toBe(200)
  })

  it('are stored as argon2id hashes only, and never appear in answers or logs', async () => {
    logged.length = 0
    const owner = await setUpOwner(server, { password: 'owner-secret-password-1' })
    const viewer = await joinTeam(server, owner, 'viewer')
    await logIn(server, owner.member.email, 'owner-secret-password-1')
    await logIn(server, owner.member.email, 'a-wrong-password-guess')
    const rows = await server.store.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM members',
    )
    for (const row of rows)
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/)
    const answers = [
      await (await owner.fetch('/v1/admin/members')).text(),
      await (await me(owner.cookie)).text(),
      await (await me(viewer.cookie)).text(),
    ].join('\n')
    for (const secret of [
      'owner-secret-password-1',
      'a-wrong-password-guess',
      viewer.password,
      owner.cookie.split('=')[1] as string,
      viewer.cookie.split('=')[1] as string,
      '$argon2id',
    ]) {
      expect(answers).not.toContain(secret)
      expect(logged.join('\n')).not.toContain(secret)
    }
  })
})
