import { describe, expect, it } from 'vitest'
import { audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'
import { submitRequest } from './portal-fixtures'

let server: TestServer
let projectId: string
let secret: string

/** A browser with JavaScript off: keeps the portal's cookies, sends its Origin, posts forms. */
function browser() {
  const cookies = new Map<string, string>()
  const send = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('Cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    const res = await fetch(`${server.url}/p/${projectId}${path}`, {
      ...init,
      headers,
      redirect: 'manual',
    })
    for (const line of res.headers.getSetCookie()) {
      const [name, value] = (line.split(';')[0] ?? '').split('=')
      if (name && value) cookies.set(name, value)
    }
    return res
  }
  return {
    cookieHeader: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    get: (path: string) => send(path),
    postForm: (path: string, fields: Record<string, string>) =>
      send(path, {
        method: 'POST',
        headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      }),
    async signIn(sub: string) {
      const token = await mintToken(secret, {
        sub,
        aud: audienceFor(projectId),
        email: `${sub}@example.com`,
      })
      expect((await send(`/sso?${new URLSearchParams({ token })}`)).status).toBe(302)
      return token
    },
  }
}

/** The follow form's button on a request page: its pressed state and its text. */
function followButton(html: string): { pressed: string; text: string } | null {
  const form = /<form class="follow"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1]
  const button = form && /<button[^>]*aria-pressed="(true|false)"[^>]*>([^<]*)<\/button>/.exec(form)
  return button ? { pressed: button[1] ?? '', text: button[2] ?? '' } : null
}

describe.each(storeBackends())('following from the portal on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })

  it('lets a signed-in person unfollow and follow again with forms, JavaScript off', async () => {
    const requestId = await submitRequest(server, projectId, { title: 'Dark mode' })
    const ada = browser()
    const token = await ada.signIn('ada')
    const page = `/requests/${requestId}`
    expect(followButton(await (await ada.get(page)).text())).toEqual({
      pressed: 'false',
      text: 'Follow',
    })

    const followed = await ada.postForm(`${page}/follow`, {})
    expect(followed.status).toBe(303)
    expect(followed.headers.get('location')).toBe(`/p/${projectId}${page}`)
    expect(followButton(await (await ada.get(page)).text())).toEqual({
      pressed: 'true',
      text: 'Following',
    })
    // The widget, as the same person, agrees.
    const asWidget = await fetch(`${server.url}/v1/projects/${projectId}${page}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(((await asWidget.json()) as { request: { following: boolean } }).request.following).toBe(
      true,
    )

    const unfollowed = await ada.postForm(`${page}/follow`, { _method: 'DELETE' })
    expect(unfollowed.status).toBe(303)
    expect(followButton(await (await ada.get(page)).text())).toEqual({
      pressed: 'false',
      text: 'Follow',
    })
  })

  it('shows no follow control to an anonymous visitor, and refuses their post with 401', async () => {
    const requestId = await submitRequest(server, projectId, { title: 'CSV export' })
    const visitor = browser()
    const page = `/requests/${requestId}`
    expect(followButton(await (await visitor.get(page)).text())).toBeNull()
    const refused = await visitor.postForm(`${page}/follow`, {})
    expect(refused.status).toBe(401)
    expect(await refused.text()).toContain('identity_required')
  })

  it('answers JSON like the public API for a script, and refuses a foreign Origin with the session cookie', async () => {
    const requestId = await submitRequest(server, projectId, { title: 'Webhooks' })
    const ada = browser()
    await ada.signIn('ada')
    const json = await fetch(`${server.url}/p/${projectId}/requests/${requestId}/follow`, {
      method: 'DELETE',
      headers: { Origin: server.url, Cookie: ada.cookieHeader() },
    })
    expect(json.status).toBe(200)
    expect(await json.json()).toEqual({ following: false })
    const foreign = await fetch(`${server.url}/p/${projectId}/requests/${requestId}/follow`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', Cookie: ada.cookieHeader() },
    })
    expect(foreign.status).toBe(403)
  })
})
