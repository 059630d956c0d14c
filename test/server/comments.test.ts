import { describe, expect, it } from 'vitest'
import type {
  AdminRequestDetailResponse,
  AuditLogEntry,
  BacklogRequest,
  CommentResponse,
  FeedbackRequest,
  RequestDetailResponse,
  RequestResponse,
} from '../../src/shared/api'
import { audienceFor } from '../../src/shared/identity'
import { storeBackends } from '../helpers/backends'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

let server: TestServer
let projectId: string
let secret: string

const ANON = 'anon-comments-0001'

function tokenFor(sub: string, claims: Record<string, unknown> = {}) {
  return mintToken(secret, { sub, aud: audienceFor(projectId), ...claims })
}

async function publicFetch(
  path: string,
  init: RequestInit & { token?: string; anonymousId?: string; key?: string } = {},
) {
  const headers = new Headers(init.headers)
  headers.set('X-Reqio-Anonymous-Id', init.anonymousId ?? ANON)
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`)
  if (init.key) headers.set('Idempotency-Key', init.key)
  if (init.body !== undefined) headers.set('Content-Type', 'application/json')
  return fetch(`${server.url}/v1/projects/${projectId}${path}`, { ...init, headers })
}

async function createRequest(
  title: string,
  options: { token?: string; anonymousId?: string } = {},
) {
  const res = await publicFetch('/requests', {
    method: 'POST',
    body: JSON.stringify({ title, body: `${title} body` }),
    ...options,
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as RequestResponse).request
}

function comment(
  requestId: string,
  body: unknown,
  options: { token?: string; anonymousId?: string; key?: string } = {},
) {
  return publicFetch(`/requests/${requestId}/comments`, {
    method: 'POST',
    body: JSON.stringify({ body }),
    ...options,
  })
}

async function detail(requestId: string, options: { token?: string; anonymousId?: string } = {}) {
  const res = await publicFetch(`/requests/${requestId}`, options)
  expect(res.status).toBe(200)
  return ((await res.json()) as RequestDetailResponse).request
}

function teamComment(requestId: string, body: unknown) {
  return server.adminFetch(`/v1/admin/projects/${projectId}/requests/${requestId}/comments`, {
    method: 'POST',
    body: JSON.stringify(body),
  })
}

async function adminDetail(requestId: string) {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${requestId}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as AdminRequestDetailResponse).request
}

function patchSettings(settings: Record<string, boolean>) {
  return server.adminFetch(`/v1/admin/projects/${projectId}`, {
    method: 'PATCH',
    body: JSON.stringify({ settings }),
  })
}

function patchRequest(requestId: string, body: unknown) {
  return server.adminFetch(`/v1/admin/projects/${projectId}/requests/${requestId}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
  })
}

async function errorCode(res: Response) {
  return ((await res.json()) as { error: { code: string } }).error.code
}

// Every rule on the embedded database, and on PostgreSQL too when DATABASE_URL is set.
describe.each(storeBackends())('on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })

  describe('public comments', () => {
    it('lets an identified user comment, shown with the name claim and marked as theirs', async () => {
      const token = await tokenFor('u1', { name: 'Ada Lovelace', email: 'ada@example.com' })
      const request = await createRequest('Dark mode', { token })
      const res = await comment(request.id, '  Please, for the night shift.  ', { token })
      expect(res.status).toBe(201)
      const { comment: created } = (await res.json()) as CommentResponse
      expect(created).toEqual({
        id: expect.any(String),
        body: 'Please, for the night shift.',
        createdAt: expect.any(String),
        author: { name: 'Ada Lovelace', kind: 'customer', you: true },
        editedAt: null,
        attachments: [],
      })
      const seen = await detail(request.id, { token })
      expect(seen.comments).toEqual([created])
      expect(seen.commentCount).toBe(1)
      expect(seen.mine).toBe(true)
      const stranger = await detail(request.id, { anonymousId: 'someone-else-1' })
      expect(stranger.mine).toBe(false)
      expect(stranger.comments[0]?.author).toEqual({
        name: 'Ada Lovelace',
        kind: 'customer',
        you: false,
      })
    })

    it('calls a customer without a name claim "Customer"', async () => {
      const token = await tokenFor('u2')
      const request = await createRequest('Exports')
      await comment(request.id, 'Yes please', { token })
      expect((await detail(request.id)).comments[0]?.author.name).toBe('Customer')
    })

    it('refuses anonymous comments with identity_required unless the project allows them', async () => {
      const request = await createRequest('Exports')
      const refused = await comment(request.id, 'me too')
      expect(refused.status).toBe(401)
      expect(await errorCode(refused)).toBe('identity_required')

      expect((await patchSettings({ allowAnonymousComments: true })).status).toBe(200)
      const allowed = await comment(request.id, 'me too')
      expect(allowed.status).toBe(201)
      expect(((await allowed.json()) as CommentResponse).comment.author).toEqual({
        name: 'Visitor',
        kind: 'visitor',
        you: true,
      })

      expect((await patchSettings({ requireIdentity: true })).status).toBe(200)
      const required = await comment(request.id, 'again')
      expect(required.status).toBe(401)
      expect(await errorCode(required)).toBe('identity_required')
      const token = await tokenFor('u3')
      expect((await comment(request.id, 'signed in', { token })).status).toBe(201)
    })

    it.each([
      ['an empty body', ''],
      ['only spaces', '   '],
      ['5001 characters', 'x'.repeat(5001)],
      ['a number', 42],
    ])('refuses %s with validation_failed', async (_, body) => {
      const token = await tokenFor('u1')
      const request = await createRequest('Dark mode')
      const res = await comment(request.id, body, { token })
      expect(res.status).toBe(400)
      expect(await errorCode(res)).toBe('validation_failed')
    })

    it('takes exactly 5000 characters', async () => {
      const token = await tokenFor('u1')
      const request = await createRequest('Dark mode')
      expect((await comment(request.id, 'x'.repeat(5000), { token })).status).toBe(201)
    })

    it('answers request_not_found for an unknown request, on GET and POST', async () => {
      const token = await tokenFor('u1')
      expect((await publicFetch('/requests/r_nope')).status).toBe(404)
      const res = await comment('r_nope', 'hello', { token })
      expect(res.status).toBe(404)
      expect(await errorCode(res)).toBe('request_not_found')
    })

    it('answers the same comment for the same Idempotency-Key from the same author, never a duplicate', async () => {
      const token = await tokenFor('u1')
      const request = await createRequest('Dark mode')
      const first = await comment(request.id, 'once', { token, key: 'k-1' })
      const again = await comment(request.id, 'once', { token, key: 'k-1' })
      expect(again.status).toBe(201)
      expect(again.headers.get('Idempotent-Replayed')).toBe('true')
      expect(((await again.json()) as CommentResponse).comment.id).toBe(
        ((await first.json()) as CommentResponse).comment.id,
      )
      // The key is the author's own: someone else using it writes their own comment.
      const other = await tokenFor('u2')
      expect((await comment(request.id, 'mine', { token: other, key: 'k-1' })).status).toBe(201)
      expect((await detail(request.id)).comments.map((c) => c.body)).toEqual(['once', 'mine'])
    })

    it('keeps comments oldest first and counts them on every public request', async () => {
      const token = await tokenFor('u1')
      const request = await createRequest('Dark mode')
      for (const body of ['one', 'two', 'three']) await comment(request.id, body, { token })
      expect((await detail(request.id)).comments.map((c) => c.body)).toEqual([
        'one',
        'two',
        'three',
      ])
      const list = (await (await publicFetch('/requests')).json()) as {
        requests: FeedbackRequest[]
      }
      expect(list.requests[0]).toMatchObject({ commentCount: 3, statusNote: null, mine: true })
      const vote = await publicFetch(`/requests/${request.id}/vote`, { method: 'POST' })
      expect(((await vote.json()) as RequestResponse).request).toMatchObject({
        commentCount: 3,
        mine: true,
      })
    })

    it('lands a comment on a merged request on the request it was merged into, and merging moves comments along', async () => {
      const token = await tokenFor('u1')
      const source = await createRequest('Night theme')
      const target = await createRequest('Dark mode')
      await comment(source.id, 'before the merge', { token })
      expect((await patchRequest(source.id, { mergeInto: target.id })).status).toBe(200)
      await comment(source.id, 'after the merge', { token })
      const merged = await detail(source.id)
      expect(merged.id).toBe(target.id)
      expect(merged.comments.map((c) => c.body)).toEqual(['before the merge', 'after the merge'])
      expect(merged.commentCount).toBe(2)
    })

    it('limits comments like every other write', async () => {
      const limited = await import('../helpers/start-server').then((m) =>
        m.startTestServer({ demo: false, rateLimitPerMinute: 2 }),
      )
      try {
        const { project, secret: own } = await limited.createProject('Limited')
        const token = await mintToken(own, { sub: 'u1', aud: audienceFor(project.id) })
        const post = (path: string, body: unknown) =>
          fetch(`${limited.url}/v1/projects/${project.id}${path}`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          })
        const created = await post('/requests', { title: 'Dark mode' })
        const { request } = (await created.json()) as RequestResponse
        expect((await post(`/requests/${request.id}/comments`, { body: 'one' })).status).toBe(201)
        const third = await post(`/requests/${request.id}/comments`, { body: 'two' })
        expect(third.status).toBe(429)
        expect(third.headers.get('Retry-After')).toMatch(/^\d+$/)
      } finally {
        await limited.close()
      }
    })

    it('turns an anonymous commenter into the customer after identify', async () => {
      await patchSettings({ allowAnonymousComments: true })
      const request = await createRequest('Dark mode')
      await comment(request.id, 'from before')
      const token = await tokenFor('u9', { name: 'Grace' })
      expect((await publicFetch('/identify', { method: 'POST', token })).status).toBe(200)
      const seen = await detail(request.id, { token, anonymousId: 'fresh-anon-after' })
      expect(seen.comments[0]?.author).toEqual({ name: 'Grace', kind: 'customer', you: true })
    })
  })

  describe('the team side of a thread', () => {
    it('posts a public reply signed "Team" with the admin token, and audits it', async () => {
      const request = await createRequest('Dark mode')
      const res = await teamComment(request.id, { body: 'On it!' })
      expect(res.status).toBe(201)
      const seen = await detail(request.id)
      expect(seen.comments).toEqual([
        {
          id: expect.any(String),
          body: 'On it!',
          createdAt: expect.any(String),
          author: { name: 'Team', kind: 'team', you: false },
          editedAt: null,
          attachments: [],
        },
      ])
      const audit = (await (
        await server.adminFetch(`/v1/admin/projects/${projectId}/audit`)
      ).json()) as { entries: AuditLogEntry[] }
      expect(audit.entries[0]).toMatchObject({
        actor: 'admin-token',
        action: 'comment.replied',
        target: request.id,
      })
    })

    it('keeps internal notes and hidden comments out of the public thread but in the admin detail, flagged', async () => {
      const token = await tokenFor('u1', {
        email: 'ada@example.com',
        traits: { plan: 'pro', amount: 4900, interval: 'month' },
      })
      const request = await createRequest('Dark mode', { token })
      await publicFetch(`/requests/${request.id}/vote`, { method: 'POST', token })
      await teamComment(request.id, { body: 'Big customer, push this', internal: true })
      const customer = (await (
        await comment(request.id, 'rude words', { token })
      ).json()) as CommentResponse
      const hide = await server.adminFetch(
        `/v1/admin/projects/${projectId}/comments/${customer.comment.id}`,
        { method: 'PATCH', body: JSON.stringify({ hidden: true }) },
      )
      expect(hide.status).toBe(200)
      const seen = await detail(request.id, { token })
      expect(seen.comments).toEqual([])
      expect(seen.commentCount).toBe(0)

      const admin = await adminDetail(request.id)
      expect(admin.comments.map((c) => [c.body, c.internal, c.hidden])).toEqual([
        ['Big customer, push this', true, false],
        ['rude words', false, true],
      ])
      expect(admin.comments[1]?.author).toMatchObject({
        kind: 'customer',
        sub: 'u1',
        email: 'ada@example.com',
        plan: 'pro',
        mrrCents: 4900,
      })
      expect(admin.voters).toEqual([
        expect.objectContaining({ sub: 'u1', email: 'ada@example.com', mrrCents: 4900 }),
      ])

      await server.adminFetch(`/v1/admin/projects/${projectId}/comments/${customer.comment.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ hidden: false }),
      })
      expect((await detail(request.id)).comments.map((c) => c.body)).toEqual(['rude words'])
      const audit = (await (
        await server.adminFetch(`/v1/admin/projects/${projectId}/audit`)
      ).json()) as { entries: AuditLogEntry[] }
      expect(audit.entries.map((e) => e.action).slice(0, 3)).toEqual([
        'comment.unhidden',
        'comment.hidden',
        'comment.note',
      ])
    })

    it('answers 404 for hiding an unknown comment and 400 for a bad body', async () => {
      const unknown = await server.adminFetch(`/v1/admin/projects/${projectId}/comments/c_nope`, {
        method: 'PATCH',
        body: JSON.stringify({ hidden: true }),
      })
      expect(unknown.status).toBe(404)
      const request = await createRequest('Dark mode')
      const bad = await teamComment(request.id, { body: '', internal: 'yes' })
      expect(bad.status).toBe(400)
    })

    it('flags a request in the backlog while a customer waits for an answer, and counts its comments', async () => {
      const token = await tokenFor('u1')
      const request = await createRequest('Dark mode')
      const backlog = async () =>
        (
          (await (await server.adminFetch(`/v1/admin/projects/${projectId}/backlog`)).json()) as {
            requests: BacklogRequest[]
          }
        ).requests[0]
      expect(await backlog()).toMatchObject({ commentCount: 0, unanswered: false })
      await comment(request.id, 'any news?', { token })
      expect(await backlog()).toMatchObject({ commentCount: 1, unanswered: true })
      await teamComment(request.id, { body: 'note to self', internal: true })
      expect(await backlog()).toMatchObject({ commentCount: 1, unanswered: true })
      await teamComment(request.id, { body: 'Next week!' })
      expect(await backlog()).toMatchObject({ commentCount: 2, unanswered: false })
    })

    it('sets and clears the status note with the status, shown on the public request', async () => {
      const request = await createRequest('Dark mode')
      const res = await patchRequest(request.id, {
        status: 'planned',
        statusNote: 'Shipping in May',
      })
      expect(res.status).toBe(200)
      expect(((await res.json()) as { request: BacklogRequest }).request.statusNote).toBe(
        'Shipping in May',
      )
      expect(await detail(request.id)).toMatchObject({
        status: 'planned',
        statusNote: 'Shipping in May',
      })
      await patchRequest(request.id, { title: 'Dark theme' })
      expect((await detail(request.id)).statusNote).toBe('Shipping in May')
      await patchRequest(request.id, { statusNote: null })
      expect((await detail(request.id)).statusNote).toBeNull()
      const tooLong = await patchRequest(request.id, { statusNote: 'x'.repeat(1001) })
      expect(tooLong.status).toBe(400)
      expect(await errorCode(tooLong)).toBe('validation_failed')
    })
  })

  describe('the name claim', () => {
    it('is refused when it is not a string of at most 100 characters', async () => {
      const request = await createRequest('Dark mode')
      for (const name of ['x'.repeat(101), 42]) {
        const token = await tokenFor('u1', { name })
        const res = await comment(request.id, 'hi', { token })
        expect(res.status).toBe(401)
        expect(await errorCode(res)).toBe('token_claims')
      }
      const ok = await tokenFor('u1', { name: 'x'.repeat(100) })
      expect((await comment(request.id, 'hi', { token: ok })).status).toBe(201)
    })

    it('follows the latest token', async () => {
      const request = await createRequest('Dark mode')
      await comment(request.id, 'hi', { token: await tokenFor('u1', { name: 'Ada' }) })
      const later = await mintToken(
        secret,
        { sub: 'u1', aud: audienceFor(projectId), name: 'Ada L.' },
        { nowMs: Date.now() + 2000 },
      )
      await comment(request.id, 'again', { token: later })
      expect((await detail(request.id)).comments.map((c) => c.author.name)).toEqual([
        'Ada L.',
        'Ada L.',
      ])
    })
  })
})
