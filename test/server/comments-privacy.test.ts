import { describe, expect, it } from 'vitest'
import type { CommentResponse, RequestResponse } from '../../src/shared/api'
import { audienceFor } from '../../src/shared/identity'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

let server: TestServer
let projectId: string
let secret: string

serverWithFreshProject({ demo: false }, 'Acme', (fresh) => {
  ;({ server, projectId, secret } = fresh)
})

/** What must never reach a public answer, whoever asks. */
const SECRETS = {
  sub: 'sub-never-public-7f3a',
  email: 'never-public@example.com',
  plan: 'plan-never-public',
  amount: 987_654,
  internal: 'INTERNAL note never public',
  hidden: 'HIDDEN comment never public',
}
const FORBIDDEN_KEYS = [
  'sub',
  'email',
  'traits',
  'plan',
  'amount',
  'mrrCents',
  'voters',
  'internal',
  'hidden',
  'author_voter',
  'authorVoter',
]

/** Every key anywhere in a parsed JSON value. */
function keysOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into)
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key)
      keysOf(inner, into)
    }
  }
  return into
}

describe('public answers', () => {
  it('never carry an email, sub, traits, revenue, internal note or hidden comment', async () => {
    const token = await mintToken(secret, {
      sub: SECRETS.sub,
      aud: audienceFor(projectId),
      email: SECRETS.email,
      name: 'Ada',
      traits: { plan: SECRETS.plan, amount: SECRETS.amount, interval: 'month' },
    })
    const base = `${server.url}/v1/projects/${projectId}`
    const answers: Array<{ what: string; body: unknown }> = []
    const call = async (
      what: string,
      method: string,
      path: string,
      options: { token?: string; body?: unknown; anonymous?: string } = {},
    ) => {
      const headers: Record<string, string> = {
        'X-Reqio-Anonymous-Id': options.anonymous ?? 'privacy-anon-0001',
      }
      if (options.token) headers.Authorization = `Bearer ${options.token}`
      if (options.body !== undefined) headers['Content-Type'] = 'application/json'
      const res = await fetch(`${base}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      })
      expect(res.status, what).toBeLessThan(300)
      const body = await res.json()
      answers.push({ what, body })
      return body
    }

    await call('identify', 'POST', '/identify', { token })
    // v1's identify answers the caller their own id ({user: {id}}): nobody else's.
    answers.pop()
    const { request } = (await call('submit', 'POST', '/requests', {
      token,
      body: { title: 'Dark mode', body: 'Please' },
    })) as RequestResponse
    await call('vote', 'POST', `/requests/${request.id}/vote`, { token })
    const posted = (await call('comment', 'POST', `/requests/${request.id}/comments`, {
      token,
      body: { body: 'A public comment' },
    })) as CommentResponse
    const hidden = (await call('hidden-to-be', 'POST', `/requests/${request.id}/comments`, {
      token,
      body: { body: SECRETS.hidden },
    })) as CommentResponse
    answers.pop() // The author's own answer at creation time precedes the moderation.
    await server.adminFetch(`/v1/admin/projects/${projectId}/comments/${hidden.comment.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ hidden: true }),
    })
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${request.id}/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: SECRETS.internal, internal: true }),
    })
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${request.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'planned', statusNote: 'Soon' }),
    })

    for (const who of [{ token }, { anonymous: 'privacy-stranger-01' }]) {
      await call('widget', 'GET', '/widget', who)
      await call('list top', 'GET', '/requests?sort=top', who)
      await call('list new', 'GET', '/requests?sort=new', who)
      await call('search', 'GET', '/requests?q=Dark', who)
      await call('similar', 'GET', '/requests?similar=Dark%20mode', who)
      await call('detail', 'GET', `/requests/${request.id}`, who)
    }
    await call('unvote', 'DELETE', `/requests/${request.id}/vote`, { token })

    const detail = answers.find((a) => a.what === 'detail')?.body as {
      request: { comments: Array<{ id: string }> }
    }
    expect(detail.request.comments.map((c) => c.id)).toEqual([posted.comment.id])
    for (const { what, body } of answers) {
      const text = JSON.stringify(body)
      for (const secretValue of Object.values(SECRETS)) {
        expect(text, `${what} leaks ${secretValue}`).not.toContain(String(secretValue))
      }
      const keys = keysOf(body)
      expect(
        FORBIDDEN_KEYS.filter((key) => keys.has(key)),
        what,
      ).toEqual([])
    }
  })
})
