import { describe, expect, it } from 'vitest'
import type { FeedbackRequest } from '../../src/shared/api'
import { DEFAULT_PROJECT_SETTINGS } from '../../src/shared/api'
import { audienceFor } from '../../src/shared/identity'
import { serverWithFreshProject } from '../helpers/fresh-project'
import { startTestServer, type TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

let server: TestServer
let projectId: string
let secret: string

serverWithFreshProject({ demo: false }, 'Acme', (fresh) => {
  ;({ server, projectId, secret } = fresh)
})

interface Caller {
  anonymousId?: string
  token?: string
}
function headersFor(caller: Caller, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra }
  if (caller.anonymousId) headers['X-Reqio-Anonymous-Id'] = caller.anonymousId
  if (caller.token) headers.Authorization = `Bearer ${caller.token}`
  return headers
}
const api = (path: string) => `${server.url}/v1/projects/${projectId}${path}`

async function submit(caller: Caller, title: string, extra: Record<string, string> = {}) {
  const res = await fetch(api('/requests'), {
    method: 'POST',
    headers: headersFor(caller, extra),
    body: JSON.stringify({ title, body: 'details' }),
  })
  return {
    res,
    json: (await res.json()) as {
      request: FeedbackRequest
      error?: { code: string; field?: string }
    },
  }
}
async function vote(caller: Caller, id: string, method: 'POST' | 'DELETE' = 'POST') {
  const res = await fetch(api(`/requests/${id}/vote`), { method, headers: headersFor(caller) })
  return { res, json: (await res.json()) as { request: FeedbackRequest } }
}
async function list(caller: Caller, query = '') {
  const res = await fetch(api(`/requests${query}`), { headers: headersFor(caller) })
  return (await res.json()) as { requests: Record<string, unknown>[] }
}
const personToken = (sub: string, amount = 4900) =>
  mintToken(secret, {
    sub,
    aud: audienceFor(projectId),
    email: `${sub}@example.com`,
    traits: { plan: 'pro', amount, interval: 'month' },
  })

describe('public API', () => {
  it('answers the widget project, and project_not_found for an unknown one', async () => {
    const res = await fetch(api('/widget'))
    expect(await res.json()).toEqual({
      project: { id: projectId, name: 'Acme', settings: DEFAULT_PROJECT_SETTINGS },
    })
    const missing = await fetch(`${server.url}/v1/projects/nope/widget`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'project_not_found' } })
  })

  it('adds the widget strings for a language it speaks, and none for one it does not', async () => {
    const german = (await (await fetch(api('/widget?locale=de-AT'))).json()) as {
      project: { messages?: Record<string, unknown> }
    }
    expect(german.project.messages).toMatchObject({ suggest: 'Funktion vorschlagen' })
    const french = (await (await fetch(api('/widget?locale=fr'))).json()) as typeof german
    expect(french.project.messages).toMatchObject({ close: 'Fermer' })
    const japanese = await (await fetch(api('/widget?locale=ja'))).json()
    expect(japanese).toEqual({
      project: { id: projectId, name: 'Acme', settings: DEFAULT_PROJECT_SETTINGS },
    })
  })

  it("creates a request with its author's vote and lists it, never revenue or emails", async () => {
    const anna = { token: await personToken('anna') }
    const { res, json } = await submit(anna, 'Dark mode')
    expect(res.status).toBe(201)
    expect(json.request).toMatchObject({
      title: 'Dark mode',
      body: 'details',
      status: 'open',
      votes: 1,
      voted: true,
    })
    await vote(anna, json.request.id)
    const { requests } = await list(anna)
    expect(requests).toEqual([{ ...json.request, votes: 1, voted: true }])
    expect(JSON.stringify(requests)).not.toMatch(/anna@example.com|mrr|4900|traits/)
  })

  it('counts one vote per person across devices and repeated calls, and unvotes idempotently', async () => {
    const { json } = await submit({ anonymousId: 'anon-author' }, 'CSV export')
    const id = json.request.id
    const token = await personToken('bo')
    await vote({ token, anonymousId: 'laptop-0001' }, id)
    await vote({ token, anonymousId: 'phone-00002' }, id)
    // The author's own vote is the first one.
    const again = await vote({ token }, id)
    expect(again.json.request).toMatchObject({ votes: 2, voted: true })
    const other = await vote({ anonymousId: 'stranger-01' }, id)
    expect(other.json.request).toMatchObject({ votes: 3, voted: true })
    await vote({ token }, id, 'DELETE')
    const undone = await vote({ token }, id, 'DELETE')
    expect(undone.json.request).toMatchObject({ votes: 2, voted: false })
  })

  it('keeps one vote per person after 100 parallel votes by one person over HTTP', async () => {
    const { json } = await submit({ anonymousId: 'anon-author' }, 'Parallel')
    const token = await personToken('racer')
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => vote({ token }, json.request.id)),
    )
    expect(answers.every((a) => a.res.status === 200)).toBe(true)
    // The author's vote and the racer's.
    expect((await list({ token })).requests[0]).toMatchObject({ votes: 2, voted: true })
  })

  it('answers the same request for the same Idempotency-Key, also when the calls race', async () => {
    const caller = { anonymousId: 'anon-retry' }
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => submit(caller, 'Webhooks', { 'Idempotency-Key': 'k-123' })),
    )
    expect(answers.every((a) => a.res.status === 201)).toBe(true)
    expect(new Set(answers.map((a) => a.json.request.id)).size).toBe(1)
    expect((await list(caller)).requests).toHaveLength(1)
  })

  it('does not duplicate a double submit without a key', async () => {
    const caller = { anonymousId: 'anon-double' }
    const [a, b] = await Promise.all([submit(caller, 'Zapier'), submit(caller, 'Zapier')])
    expect(a.json.request.id).toBe(b.json.request.id)
    expect((await list(caller)).requests).toHaveLength(1)
  })

  it('merges anonymous votes and requests into the person on identify, idempotently', async () => {
    const { json } = await submit({ anonymousId: 'anon-other' }, 'SSO')
    const browser = { anonymousId: 'anon-carla' }
    await vote(browser, json.request.id)
    const token = await personToken('carla')
    await vote({ token }, json.request.id)
    for (let i = 0; i < 2; i++) {
      const res = await fetch(api('/identify'), {
        method: 'POST',
        headers: headersFor({ ...browser, token }),
      })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ user: { id: 'carla' } })
    }
    const backlog = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog`)
    const { requests } = (await backlog.json()) as {
      requests: { votes: number; mrrCents: number }[]
    }
    // The author's vote and Carla's one (her anonymous vote folded into it).
    expect(requests[0]).toMatchObject({ votes: 2, mrrCents: 4900 })
  })

  it('refuses identify without a token, and records the person when no anonymous id came', async () => {
    const anonymous = await fetch(api('/identify'), {
      method: 'POST',
      headers: headersFor({ anonymousId: 'anon-nobody' }),
    })
    expect(anonymous.status).toBe(401)
    const token = await personToken('dora', 1200)
    const res = await fetch(api('/identify'), { method: 'POST', headers: headersFor({ token }) })
    expect(await res.json()).toEqual({ user: { id: 'dora' } })
    expect(await server.store.people.find(projectId, 'dora')).toMatchObject({
      email: 'dora@example.com',
      mrrCents: 1200,
    })
  })

  it('sorts by top or new and searches titles and bodies with q', async () => {
    const first = await submit({ anonymousId: 'anon-a-001' }, 'Slack integration')
    await submit({ anonymousId: 'anon-a-001' }, 'Mobile app')
    await vote({ anonymousId: 'anon-b-001' }, first.json.request.id)
    const titles = async (query: string) => (await list({}, query)).requests.map((r) => r.title)
    expect(await titles('?sort=top')).toEqual(['Slack integration', 'Mobile app'])
    expect(await titles('?sort=new')).toEqual(['Mobile app', 'Slack integration'])
    expect(await titles('?q=slack')).toEqual(['Slack integration'])
  })

  it('answers the requests a typed title looks like, accent-insensitive, most voted first', async () => {
    const cafe = await submit({ anonymousId: 'anon-a-001' }, 'Café menu export')
    const menus = await submit({ anonymousId: 'anon-a-001' }, 'Menu export for kiosks')
    await submit({ anonymousId: 'anon-a-001' }, 'Dark mode')
    await vote({ anonymousId: 'anon-b-001' }, menus.json.request.id)
    await vote({ anonymousId: 'anon-c-001' }, menus.json.request.id)

    const similar = async (title: string, caller: Caller = {}) =>
      (await list(caller, `?similar=${encodeURIComponent(title)}`)).requests
    expect((await similar('cafe MENU expo')).map((r) => r.title)).toEqual([
      'Café menu export',
      'Menu export for kiosks',
    ])
    expect(await similar('Something else entirely')).toEqual([])
    const asVoter = await similar('menu export', { anonymousId: 'anon-b-001' })
    expect(asVoter.map((r) => [r.id, r.voted])).toEqual([
      [menus.json.request.id, true],
      [cafe.json.request.id, false],
    ])
  })

  it('answers request_not_found for a vote on an unknown request', async () => {
    const res = await fetch(api('/requests/r_missing/vote'), {
      method: 'POST',
      headers: headersFor({ anonymousId: 'anon-404x' }),
    })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'request_not_found' } })
  })
})

describe('limits and validation', () => {
  it('refuses an empty title, a 161-character title and a 5001-character body, naming the field', async () => {
    const post = (body: unknown) =>
      fetch(api('/requests'), {
        method: 'POST',
        headers: headersFor({ anonymousId: 'anon-limit' }),
        body: JSON.stringify(body),
      })
    for (const [body, field] of [
      [{ title: '  ' }, 'title'],
      [{ title: 'x'.repeat(161) }, 'title'],
      [{ title: 'ok', body: 'x'.repeat(5001) }, 'body'],
      [{}, 'title'],
    ] as const) {
      const res = await post(body)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', field } })
    }
    expect((await post({ title: 'x'.repeat(160), body: 'y'.repeat(5000) })).status).toBe(201)
  })

  it('refuses a body over 64 KB with 413 payload_too_large', async () => {
    const res = await fetch(api('/requests'), {
      method: 'POST',
      headers: headersFor({ anonymousId: 'anon-large' }),
      body: JSON.stringify({ title: 'big', body: 'x'.repeat(70_000) }),
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } })
  })

  it('refuses a write with neither token nor anonymous id', async () => {
    const res = await fetch(api('/requests'), {
      method: 'POST',
      body: JSON.stringify({ title: 'who?' }),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      error: { code: 'validation_failed', field: 'X-Reqio-Anonymous-Id' },
    })
  })

  it('answers a preflight with open CORS for the identity headers, and no CORS on admin', async () => {
    const preflight = await fetch(api('/requests'), {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://customer.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'authorization,x-reqio-anonymous-id,idempotency-key,content-type',
      },
    })
    expect(preflight.status).toBeLessThan(300)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    const allowed = preflight.headers.get('access-control-allow-headers')?.toLowerCase() ?? ''
    for (const header of [
      'authorization',
      'x-reqio-anonymous-id',
      'idempotency-key',
      'content-type',
    ]) {
      expect(allowed).toContain(header)
    }
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
    const failed = await fetch(`${server.url}/v1/projects/nope/widget`, {
      headers: { Origin: 'https://customer.example' },
    })
    expect(failed.headers.get('access-control-allow-origin')).toBe('*')

    const admin = await fetch(`${server.url}/v1/admin/projects`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(admin.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('write rate limit', () => {
  it('answers 429 rate_limited with Retry-After once a person exceeds the per-minute budget', async () => {
    const limited = await startTestServer({ demo: false, rateLimitPerMinute: 3 })
    try {
      const { project } = await limited.createProject('Limited')
      const post = (anonymousId: string) =>
        fetch(`${limited.url}/v1/projects/${project.id}/requests`, {
          method: 'POST',
          headers: headersFor({ anonymousId }),
          body: JSON.stringify({ title: `idea ${Math.random()}` }),
        })
      const statuses = []
      for (let i = 0; i < 4; i++) statuses.push((await post('anon-flood')).status)
      expect(statuses).toEqual([201, 201, 201, 429])
      const refused = await post('anon-flood')
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } })
      expect((await post('anon-calm-1')).status).toBe(201)
    } finally {
      await limited.close()
    }
  })
})
