import { describe, expect, it } from 'vitest'
import { PORTAL_ANONYMOUS_COOKIE } from '../../../src/server/portal/portal-anonymous-id'
import { PORTAL_SESSION_COOKIE } from '../../../src/server/portal/portal-session'
import type { CommentResponse, RequestListResponse, RequestResponse } from '../../../src/shared/api'
import { audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'

let server: TestServer
let projectId: string
let secret: string

/** A browser on the portal: keeps the cookies the portal sets and sends its own Origin. */
class PortalVisitor {
  cookies = new Map<string, string>()
  constructor(readonly origin: string | null = server.url) {}

  async post(
    path: string,
    body: Record<string, string> | null,
    options: { form?: boolean; method?: string; referer?: string; key?: string } = {},
  ): Promise<Response> {
    const headers = new Headers()
    if (this.origin) headers.set('Origin', this.origin)
    if (options.referer) headers.set('Referer', options.referer)
    if (options.key) headers.set('Idempotency-Key', options.key)
    if (this.cookies.size > 0) {
      headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    }
    let payload: string | undefined
    if (body && options.form) {
      headers.set('Content-Type', 'application/x-www-form-urlencoded')
      payload = new URLSearchParams(body).toString()
    } else if (body) {
      headers.set('Content-Type', 'application/json')
      payload = JSON.stringify(body)
    }
    const res = await fetch(`${server.url}/p/${projectId}${path}`, {
      method: options.method ?? 'POST',
      headers,
      body: payload,
      redirect: 'manual',
    })
    this.keepCookies(res)
    return res
  }

  async get(path: string): Promise<Response> {
    const res = await fetch(`${server.url}/p/${projectId}${path}`, { redirect: 'manual' })
    this.keepCookies(res)
    return res
  }

  private keepCookies(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, value] = (pair ?? '').split('=')
      if (name && value) this.cookies.set(name, value)
    }
  }

  async submit(title: string): Promise<RequestResponse['request']> {
    const res = await this.post('/requests', { title, body: `${title}, please` })
    expect(res.status).toBe(201)
    return ((await res.json()) as RequestResponse).request
  }
}

async function errorCode(res: Response) {
  return ((await res.json()) as { error: { code: string } }).error.code
}

function patchSettings(settings: Record<string, unknown>) {
  return server.adminFetch(`/v1/admin/projects/${projectId}`, {
    method: 'PATCH',
    body: JSON.stringify({ settings }),
  })
}

async function publicList(anonymousId: string) {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests?sort=new`, {
    headers: { 'X-Reqio-Anonymous-Id': anonymousId },
  })
  return ((await res.json()) as RequestListResponse).requests
}

// Per-project caps, small enough to reach: every test gets a new project, so a fresh budget.
const ANON_VOTERS_PER_HOUR = 3
const NEW_REQUESTS_PER_HOUR = 4

describe.each(storeBackends())('portal writes on the $name database', (backend) => {
  serverWithFreshProject(
    {
      demo: false,
      databaseUrl: backend.databaseUrl,
      anonVotersPerIpPerHour: ANON_VOTERS_PER_HOUR,
      newRequestsPerIpPerProjectPerHour: NEW_REQUESTS_PER_HOUR,
    },
    'Acme',
    (fresh) => {
      ;({ server, projectId, secret } = fresh)
    },
  )

  describe('with JavaScript (JSON, the public API answers)', () => {
    it('files a request as an anonymous visitor, answering like the public API and remembering the visitor in a portal cookie', async () => {
      const visitor = new PortalVisitor()
      const res = await visitor.post('/requests', { title: 'Dark mode', body: 'At night' })
      expect(res.status).toBe(201)
      const { request } = (await res.json()) as RequestResponse
      expect(request).toMatchObject({
        title: 'Dark mode',
        body: 'At night',
        votes: 1,
        voted: true,
        mine: true,
      })
      const cookie = res.headers.getSetCookie().join('\n')
      expect(cookie).toContain(`${PORTAL_ANONYMOUS_COOKIE}=`)
      expect(cookie).toContain(`Path=/p/${projectId}`)
      expect(cookie).toContain('HttpOnly')
      expect(cookie).toContain('SameSite=Lax')
      // The board everyone reads has it.
      expect((await publicList('stranger-0001')).map((r) => r.title)).toEqual(['Dark mode'])
    })

    it('answers the same request again for the same Idempotency-Key, never a duplicate', async () => {
      const visitor = new PortalVisitor()
      const first = await visitor.post('/requests', { title: 'Exports' }, { key: 'k-1' })
      const again = await visitor.post('/requests', { title: 'Exports' }, { key: 'k-1' })
      expect(again.status).toBe(201)
      expect(again.headers.get('Idempotent-Replayed')).toBe('true')
      const a = ((await first.json()) as RequestResponse).request
      const b = ((await again.json()) as RequestResponse).request
      expect(b.id).toBe(a.id)
      expect(await publicList('stranger-0001')).toHaveLength(1)
    })

    it('counts one vote per visitor across calls, and takes it back on DELETE', async () => {
      const author = new PortalVisitor()
      const request = await author.submit('Slack alerts')
      const voter = new PortalVisitor()
      const voted = await voter.post(`/requests/${request.id}/vote`, null)
      expect(voted.status).toBe(200)
      expect(((await voted.json()) as RequestResponse).request).toMatchObject({
        votes: 2,
        voted: true,
      })
      const again = await voter.post(`/requests/${request.id}/vote`, null)
      expect(((await again.json()) as RequestResponse).request.votes).toBe(2)
      const retracted = await voter.post(`/requests/${request.id}/vote`, null, {
        method: 'DELETE',
      })
      expect(retracted.status).toBe(200)
      expect(((await retracted.json()) as RequestResponse).request).toMatchObject({
        votes: 1,
        voted: false,
      })
    })

    it('refuses anonymous comments with identity_required unless the project allows them', async () => {
      const visitor = new PortalVisitor()
      const request = await visitor.submit('Webhooks')
      const refused = await visitor.post(`/requests/${request.id}/comments`, { body: 'Yes' })
      expect(refused.status).toBe(401)
      expect(await errorCode(refused)).toBe('identity_required')

      expect((await patchSettings({ allowAnonymousComments: true })).status).toBe(200)
      const res = await visitor.post(`/requests/${request.id}/comments`, { body: 'Yes please' })
      expect(res.status).toBe(201)
      const { comment } = (await res.json()) as CommentResponse
      expect(comment).toEqual({
        id: expect.any(String),
        body: 'Yes please',
        createdAt: expect.any(String),
        author: { name: 'Visitor', kind: 'visitor', you: true },
        editedAt: null,
        attachments: [],
      })
    })

    it('refuses every anonymous write with identity_required when the project requires identity', async () => {
      const visitor = new PortalVisitor()
      const request = await visitor.submit('CSV import')
      expect((await patchSettings({ requireIdentity: true })).status).toBe(200)
      const vote = await visitor.post(`/requests/${request.id}/vote`, null)
      expect(vote.status).toBe(401)
      expect(await errorCode(vote)).toBe('identity_required')
      const submit = await visitor.post('/requests', { title: 'Another' })
      expect(await errorCode(submit)).toBe('identity_required')
    })

    it('validates like the public API: a missing title is 400 validation_failed', async () => {
      const res = await new PortalVisitor().post('/requests', { body: 'no title' })
      expect(res.status).toBe(400)
      expect(await errorCode(res)).toBe('validation_failed')
    })

    it('answers 404 for an unknown project or request', async () => {
      const visitor = new PortalVisitor()
      const unknownRequest = await visitor.post('/requests/nope/vote', null)
      expect(unknownRequest.status).toBe(404)
      expect(await errorCode(unknownRequest)).toBe('request_not_found')
      const res = await fetch(`${server.url}/p/no-such-project/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url },
        body: JSON.stringify({ title: 'x' }),
      })
      expect(res.status).toBe(404)
    })

    it('shares the public API’s cap on distinct anonymous visitors per IP and project', async () => {
      const request = await new PortalVisitor().submit('Shared cap')
      // Visitor one filed it; one more through the public API, one more through the portal.
      const widget = await fetch(
        `${server.url}/v1/projects/${projectId}/requests/${request.id}/vote`,
        {
          method: 'POST',
          headers: { 'X-Reqio-Anonymous-Id': 'widget-visitor-1' },
        },
      )
      expect(widget.status).toBe(200)
      expect((await new PortalVisitor().post(`/requests/${request.id}/vote`, null)).status).toBe(
        200,
      )
      const over = await new PortalVisitor().post(`/requests/${request.id}/vote`, null)
      expect(over.status).toBe(429)
      expect(await errorCode(over)).toBe('rate_limited')
      expect(Number(over.headers.get('Retry-After'))).toBeGreaterThan(0)
    })

    it('counts the portal’s new requests in the public API’s cap on new requests per IP and project', async () => {
      const visitor = new PortalVisitor()
      await visitor.submit('One')
      await visitor.submit('Two')
      const widget = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
        method: 'POST',
        headers: { 'X-Reqio-Anonymous-Id': 'widget-visitor-1', 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Three' }),
      })
      expect(widget.status).toBe(201)
      await visitor.submit('Four')
      const over = await visitor.post('/requests', { title: 'Five' })
      expect(over.status).toBe(429)
      expect(await errorCode(over)).toBe('rate_limited')
    })
  })

  describe('signed in, and the Origin', () => {
    it('writes as the person the portal session names, exactly as their token would', async () => {
      const visitor = new PortalVisitor()
      const token = await mintToken(secret, {
        sub: 'user-42',
        aud: audienceFor(projectId),
        email: 'ada@example.com',
        name: 'Ada',
      })
      const signIn = await visitor.get(`/sso?${new URLSearchParams({ token })}`)
      expect(signIn.status).toBe(302)
      expect(visitor.cookies.has(PORTAL_SESSION_COOKIE)).toBe(true)

      const request = await visitor.submit('Signed-in idea')
      await patchSettings({ allowAnonymousComments: false })
      const res = await visitor.post(`/requests/${request.id}/comments`, { body: 'Mine' })
      expect(res.status).toBe(201)
      const { comment } = (await res.json()) as CommentResponse
      expect(comment.author).toEqual({ name: 'Ada', kind: 'customer', you: true })
      expect(JSON.stringify(comment)).not.toContain('user-42')
      expect(JSON.stringify(comment)).not.toContain('ada@example.com')
      // The widget, signed in as the same person, sees the request as theirs.
      const asWidget = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      const [seen] = ((await asWidget.json()) as RequestListResponse).requests
      expect(seen).toMatchObject({ id: request.id, mine: true, voted: true })
    })

    it('refuses a write carrying the session cookie from another site’s page with 403 csrf_rejected', async () => {
      const foreign = new PortalVisitor('https://evil.example')
      foreign.cookies.set(PORTAL_SESSION_COOKIE, 'some-session')
      const res = await foreign.post('/requests', { title: 'Sneaky' })
      expect(res.status).toBe(403)
      expect(await errorCode(res)).toBe('csrf_rejected')
      expect(await publicList('stranger-0001')).toEqual([])
    })

    it('refuses a write carrying the session cookie without any Origin', async () => {
      const noOrigin = new PortalVisitor(null)
      noOrigin.cookies.set(PORTAL_SESSION_COOKIE, 'some-session')
      const res = await noOrigin.post('/requests', { title: 'Sneaky' })
      expect(res.status).toBe(403)
      expect(await errorCode(res)).toBe('csrf_rejected')

      const ownOrigin = new PortalVisitor()
      ownOrigin.cookies.set(PORTAL_SESSION_COOKIE, 'some-session')
      expect((await ownOrigin.post('/requests', { title: 'Fine' })).status).toBe(201)
    })

    it('lets a client without the session cookie or an Origin (a script, curl) write anonymously', async () => {
      expect((await new PortalVisitor(null).post('/requests', { title: 'From curl' })).status).toBe(
        201,
      )
    })
  })

  describe('with JavaScript off (forms, POST then redirect)', () => {
    it('files a request from a form and sends the browser to its page', async () => {
      const visitor = new PortalVisitor()
      const res = await visitor.post(
        '/requests',
        { title: 'Offline mode', body: '', idempotencyKey: 'form-1' },
        { form: true },
      )
      expect(res.status).toBe(303)
      const [request] = await publicList('stranger-0001')
      expect(request?.title).toBe('Offline mode')
      expect(res.headers.get('Location')).toBe(`/p/${projectId}/requests/${request?.id}`)
      // A double submit of the same form files nothing new.
      await visitor.post(
        '/requests',
        { title: 'Offline mode', idempotencyKey: 'form-1' },
        {
          form: true,
        },
      )
      expect(await publicList('stranger-0001')).toHaveLength(1)
    })

    it('votes from the board and returns to the board as it was; _method=DELETE takes the vote back', async () => {
      const request = await new PortalVisitor().submit('Zapier')
      const voter = new PortalVisitor()
      const board = `${server.url}/p/${projectId}?sort=new&q=zap`
      const res = await voter.post(
        `/requests/${request.id}/vote`,
        {},
        { form: true, referer: board },
      )
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe(`/p/${projectId}?sort=new&q=zap`)
      expect((await publicList('stranger-0001'))[0]?.votes).toBe(2)

      const back = await voter.post(
        `/requests/${request.id}/vote`,
        { _method: 'DELETE' },
        { form: true, referer: 'https://elsewhere.example/' },
      )
      // A Referer that is not this portal's page: the request's own page.
      expect(back.headers.get('Location')).toBe(`/p/${projectId}/requests/${request.id}`)
      expect((await publicList('stranger-0001'))[0]?.votes).toBe(1)
    })

    it('comments from a form and lands on the new comment', async () => {
      expect((await patchSettings({ allowAnonymousComments: true })).status).toBe(200)
      const visitor = new PortalVisitor()
      const request = await visitor.submit('Calendar sync')
      const res = await visitor.post(
        `/requests/${request.id}/comments`,
        { body: 'Google Calendar too' },
        { form: true },
      )
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toMatch(
        new RegExp(`^/p/${projectId}/requests/${request.id}#comment-[\\w-]+$`),
      )
    })

    it('explains a refused form in an HTML page with the status and error code', async () => {
      const visitor = new PortalVisitor()
      const request = await visitor.submit('Reports')
      const res = await visitor.post(
        `/requests/${request.id}/comments`,
        { body: 'Me too' },
        { form: true, referer: `${server.url}/p/${projectId}/requests/${request.id}` },
      )
      expect(res.status).toBe(401)
      expect(res.headers.get('Content-Type')).toContain('text/html')
      expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'")
      const html = await res.text()
      expect(html).toContain('identity_required')
      expect(html).toContain(`href="/p/${projectId}/requests/${request.id}"`)

      const empty = await visitor.post('/requests', { title: '' }, { form: true })
      expect(empty.status).toBe(400)
      expect(await empty.text()).toContain('validation_failed')
    })
  })
})
