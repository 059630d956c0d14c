import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { type SignedInMember, setUpOwner } from '../../helpers/team'

let server: TestServer
let owner: SignedInMember
beforeAll(async () => {
  server = await startTestServer({ demo: false })
  owner = await setUpOwner(server)
})
afterAll(() => server.close())

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code
}

describe('cookie-authenticated writes need our own Origin', () => {
  it('refuses a JSON write from a foreign origin with 403 csrf_rejected', async () => {
    const res = await owner.fetch('/v1/admin/projects', {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Planted' }),
    })
    expect(res.status).toBe(403)
    expect(await codeOf(res)).toBe('csrf_rejected')
  })

  it('refuses form-like and text/plain bodies from a foreign origin too', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await owner.fetch('/v1/admin/projects', {
        method: 'POST',
        headers: { Origin: 'https://evil.example', 'Content-Type': type },
        body: '{"name":"Planted"}',
      })
      expect(res.status, type).toBe(403)
      expect(await codeOf(res)).toBe('csrf_rejected')
    }
  })

  it('refuses a cookie write with no Origin at all, and PATCH and DELETE alike', async () => {
    const noOrigin = await fetch(`${server.url}/v1/admin/projects`, {
      method: 'POST',
      headers: { Cookie: owner.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Planted' }),
    })
    expect(noOrigin.status).toBe(403)
    for (const method of ['PATCH', 'DELETE']) {
      const res = await owner.fetch(`/v1/admin/members/${owner.member.id}`, {
        method,
        headers: { Origin: 'http://127.0.0.1:1' },
        body: JSON.stringify({ role: 'viewer' }),
      })
      expect(res.status, method).toBe(403)
      expect(await codeOf(res)).toBe('csrf_rejected')
    }
    const list = (await (await owner.fetch('/v1/admin/projects')).json()) as { projects: unknown[] }
    expect(list.projects).toEqual([])
  })

  it('refuses sign-out and password changes from a foreign origin', async () => {
    for (const path of ['/v1/auth/logout', '/v1/auth/logout-everywhere', '/v1/auth/password']) {
      const res = await owner.fetch(path, {
        method: 'POST',
        headers: { Origin: 'https://evil.example' },
        body: '{}',
      })
      expect(res.status, path).toBe(403)
    }
    expect((await owner.fetch('/v1/auth/me')).status).toBe(200)
  })

  it('accepts the same write from our own origin, and reads from anywhere', async () => {
    const res = await owner.fetch('/v1/admin/projects', {
      method: 'POST',
      body: JSON.stringify({ name: 'Ours' }),
    })
    expect(res.status).toBe(201)
    const read = await owner.fetch('/v1/admin/projects', {
      headers: { Origin: 'https://elsewhere.example' },
    })
    expect(read.status).toBe(200)
  })

  it('leaves the bearer admin token alone: scripts send no Origin', async () => {
    const res = await server.adminFetch('/v1/admin/projects', {
      method: 'POST',
      body: JSON.stringify({ name: 'From curl' }),
    })
    expect(res.status).toBe(201)
  })

  it('refuses a login posted from a foreign page', async () => {
    const res = await fetch(`${server.url}/v1/auth/login`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ email: owner.member.email, password: owner.password }),
    })
    expect(res.status).toBe(403)
  })
})

describe('with REQIO_PUBLIC_URL', () => {
  it('takes its origin as our own, whatever Host the request came to', async () => {
    const behindProxy = await startTestServer({
      demo: false,
      publicUrl: 'https://feedback.example.com',
    })
    try {
      const headers = { Origin: 'https://feedback.example.com' }
      const setup = await fetch(`${behindProxy.url}/v1/auth/setup`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          adminToken: behindProxy.adminToken,
          email: 'o@example.com',
          name: 'O',
          password: 'correct horse battery',
        }),
      })
      expect(setup.status).toBe(201)
      const cookie = (setup.headers.getSetCookie()[0] as string).split(';')[0] as string
      const post = (origin: string) =>
        fetch(`${behindProxy.url}/v1/admin/projects`, {
          method: 'POST',
          headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'P' }),
        })
      expect((await post(behindProxy.url)).status).toBe(403)
      expect((await post('https://feedback.example.com')).status).toBe(201)
    } finally {
      await behindProxy.close()
    }
  })
})
