import { describe, expect, it } from 'vitest'
import { audienceFor } from '../../src/shared/identity'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'
import { mintToken, type TokenClaims } from '../helpers/tokens'

let server: TestServer
let projectId: string
let secret: string
serverWithFreshProject({ demo: false }, 'Hostile', (fresh) => {
  ;({ server, projectId, secret } = fresh)
})

const api = (path: string) => `${server.url}/v1/projects/${projectId}${path}`
const token = (claims: TokenClaims) => mintToken(secret, { aud: audienceFor(projectId), ...claims })
function call(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown },
) {
  return fetch(api(path), {
    method: init.method ?? 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
}
async function errorCode(res: Response) {
  return ((await res.json()) as { error?: { code: string } }).error?.code
}
const anon = (id: string) => ({ 'X-Reqio-Anonymous-Id': id })
const bearer = (value: string) => ({ Authorization: `Bearer ${value}` })

describe('input that used to answer 500', () => {
  it('refuses a NUL byte in a title, a search or a project name with 400 validation_failed', async () => {
    const title = await call('/requests', {
      headers: anon('anon-nul-1'),
      body: { title: 'a\u0000b' },
    })
    expect(title.status).toBe(400)
    expect(await errorCode(title)).toBe('validation_failed')
    const search = await fetch(api('/requests?q=a%00b'))
    expect(search.status).toBe(400)
    const name = await server.adminFetch('/v1/admin/projects', {
      method: 'POST',
      body: JSON.stringify({ name: 'x\u0000y' }),
    })
    expect(name.status).toBe(400)
    expect(await errorCode(name)).toBe('validation_failed')
  })

  it('refuses a NUL byte in sub or email, and a fractional iat, with 401 token_claims, also in token-check', async () => {
    const now = Math.floor(Date.now() / 1000)
    for (const claims of [
      { sub: 'a\u0000b' },
      { sub: 'ok', email: 'a\u0000@example.com' },
      { sub: 'ok', iat: now + 0.5, exp: now + 200 },
    ]) {
      const res = await call('/requests', {
        headers: bearer(await token(claims)),
        body: { title: 'Hi' },
      })
      expect(res.status).toBe(401)
      expect(await errorCode(res)).toBe('token_claims')
    }
    const check = await server.adminFetch(`/v1/admin/projects/${projectId}/token-check`, {
      method: 'POST',
      body: JSON.stringify({ token: await token({ sub: 'ok', iat: now + 0.5, exp: now + 200 }) }),
    })
    expect(await check.json()).toMatchObject({ valid: false, error: { code: 'token_claims' } })
  })

  it('answers malformed percent-encoding in a dashboard path with 400', async () => {
    const res = await fetch(`${server.url}/dashboard/%E0%A4%A`)
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe('validation_failed')
  })
})

describe('aud arrays', () => {
  it('refuses an aud array naming another audience with token_audience, and accepts exactly [audience]', async () => {
    const both = await token({ sub: 'u1', aud: [audienceFor(projectId), 'https://other.example'] })
    const refused = await call('/requests', { headers: bearer(both), body: { title: 'Hi' } })
    expect(refused.status).toBe(401)
    expect(await errorCode(refused)).toBe('token_audience')
    const one = await token({ sub: 'u1', aud: [audienceFor(projectId)] })
    expect((await call('/requests', { headers: bearer(one), body: { title: 'Hi' } })).status).toBe(
      201,
    )
  })
})

describe('revenue overflow', () => {
  it('refuses an amount over 100,000,000,000 cents with token_claims, and keeps votes working at the cap', async () => {
    const huge = await token({
      sub: 'whale',
      traits: { plan: 'x', amount: 9007199254740991, interval: 'month' },
    })
    const refused = await call('/requests', { headers: bearer(huge), body: { title: 'Hi' } })
    expect(refused.status).toBe(401)
    expect(await errorCode(refused)).toBe('token_claims')

    const created = await call('/requests', {
      headers: anon('anon-cap-author'),
      body: { title: 'Rich' },
    })
    const { request } = (await created.json()) as { request: { id: string } }
    for (let i = 0; i < 5; i++) {
      const capped = await token({
        sub: `whale-${i}`,
        traits: { plan: 'x', amount: 100_000_000_000, interval: 'month' },
      })
      const vote = await call(`/requests/${request.id}/vote`, { headers: bearer(capped) })
      expect(vote.status).toBe(200)
    }
    const backlog = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog`)
    const { requests } = (await backlog.json()) as { requests: { mrrCents: number }[] }
    expect(requests[0]?.mrrCents).toBe(500_000_000_000)
  })
})

describe('Idempotency-Key', () => {
  it('belongs to its author: another caller with the same key gets their own request, never a replay', async () => {
    const headers = { ...anon('anon-alice'), 'Idempotency-Key': 'shared-key-1' }
    const alice = await call('/requests', { headers, body: { title: 'Alice idea' } })
    const aliceRequest = ((await alice.json()) as { request: { id: string } }).request
    const mallory = await call('/requests', {
      headers: { ...anon('anon-mallory'), 'Idempotency-Key': 'shared-key-1' },
      body: { title: 'Mallory idea' },
    })
    expect(mallory.status).toBe(201)
    expect(mallory.headers.get('idempotent-replayed')).toBeNull()
    const malloryRequest = ((await mallory.json()) as { request: { id: string; title: string } })
      .request
    expect(malloryRequest.id).not.toBe(aliceRequest.id)
    expect(malloryRequest.title).toBe('Mallory idea')
    const replay = await call('/requests', { headers, body: { title: 'Alice idea' } })
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(((await replay.json()) as { request: { id: string } }).request.id).toBe(aliceRequest.id)
  })
})

describe('one anonymous id, one person', () => {
  it('links an anonymous id to the first person who identifies with it; a second person links nothing', async () => {
    const created = await call('/requests', {
      headers: anon('anon-author-x'),
      body: { title: 'Target' },
    })
    const { request } = (await created.json()) as { request: { id: string } }
    await call(`/requests/${request.id}/vote`, { headers: anon('shared-browser') })
    const victim = await token({
      sub: 'victim',
      traits: { plan: 'p', amount: 1000, interval: 'month' },
    })
    const attacker = await token({
      sub: 'attacker',
      traits: { plan: 'p', amount: 7, interval: 'month' },
    })
    expect(
      (await call('/identify', { headers: { ...anon('shared-browser'), ...bearer(victim) } }))
        .status,
    ).toBe(200)
    expect(
      (await call('/identify', { headers: { ...anon('shared-browser'), ...bearer(attacker) } }))
        .status,
    ).toBe(200)

    const mine = async (t: string) => {
      const res = await fetch(api('/requests'), { headers: bearer(t) })
      return ((await res.json()) as { requests: { id: string; voted: boolean }[] }).requests
    }
    expect((await mine(victim))[0]).toMatchObject({ id: request.id, voted: true })
    expect((await mine(attacker))[0]).toMatchObject({ id: request.id, voted: false })
    const backlog = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog`)
    const { requests } = (await backlog.json()) as {
      requests: { votes: number; mrrCents: number }[]
    }
    expect(requests[0]).toMatchObject({ votes: 2, mrrCents: 1000 })
  })
})

describe("the author's vote", () => {
  it('answers a new request with votes: 1 and voted: true, counting an identified author with their revenue, and lets them retract it', async () => {
    const author = await token({
      sub: 'writer',
      traits: { plan: 'p', amount: 4900, interval: 'month' },
    })
    const created = await call('/requests', { headers: bearer(author), body: { title: 'Mine' } })
    const { request } = (await created.json()) as {
      request: { id: string; votes: number; voted: boolean }
    }
    expect(request).toMatchObject({ votes: 1, voted: true })
    const backlog = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog`)
    const { requests } = (await backlog.json()) as {
      requests: { votes: number; mrrCents: number }[]
    }
    expect(requests[0]).toMatchObject({ votes: 1, mrrCents: 4900 })
    const retracted = await call(`/requests/${request.id}/vote`, {
      method: 'DELETE',
      headers: bearer(author),
    })
    expect(await retracted.json()).toMatchObject({ request: { votes: 0, voted: false } })
    const anonymous = await call('/requests', {
      headers: anon('anon-writer'),
      body: { title: 'Theirs' },
    })
    expect(await anonymous.json()).toMatchObject({ request: { votes: 1, voted: true } })
  })
})
