import { beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { truncateAllTables } from '../../src/server/store/reset'
import { audienceFor } from '../../src/shared/identity'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'
import { mintToken, unsignedToken } from '../helpers/tokens'

const START = Date.parse('2026-03-01T12:00:00Z')
const nowSeconds = () => Math.floor(clock.now() / 1000)
const clock = frozenClock(START)

let server: TestServer
let projectId: string
let secret: string

beforeEach(() => clock.set(START))
serverWithFreshProject({ clock, demo: false }, 'Acme', (fresh) => {
  ;({ server, projectId, secret } = fresh)
})

const validClaims = () => ({
  sub: 'user-1',
  aud: audienceFor(projectId),
  email: 'ann@example.com',
  traits: { plan: 'pro', amount: 4900, interval: 'month' },
})

async function submitWithToken(token: string) {
  return fetch(`${server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Dark mode' }),
  })
}

async function expectRefused(token: string, code: string) {
  const res = await submitWithToken(token)
  expect(res.status).toBe(401)
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code)
  const written = await server.store.requests.listPublic({
    projectId,
    sort: 'new',
    q: null,
    voter: null,
  })
  expect(written).toEqual([])
  expect(await server.store.people.find(projectId, 'user-1')).toBeNull()
}

describe('identity tokens on the wire', () => {
  it('accepts a valid token and stores the person with email and traits from it', async () => {
    const res = await submitWithToken(
      await mintToken(secret, validClaims(), { nowMs: clock.now() }),
    )
    expect(res.status).toBe(201)
    expect(await server.store.people.find(projectId, 'user-1')).toMatchObject({
      email: 'ann@example.com',
      plan: 'pro',
      mrrCents: 4900,
    })
  })

  it('treats a request without a token as anonymous', async () => {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': 'anon-0001', 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Anonymous idea' }),
    })
    expect(res.status).toBe(201)
  })

  it('refuses a token that is not a JWT with token_malformed', async () => {
    await expectRefused('not-a-jwt', 'token_malformed')
    await expectRefused('a.b.c', 'token_malformed')
  })

  it('refuses tokens signed with another algorithm, or unsigned, with token_alg', async () => {
    await expectRefused(
      await mintToken(secret, validClaims(), { alg: 'HS512', nowMs: clock.now() }),
      'token_alg',
    )
    await expectRefused(
      unsignedToken({ ...validClaims(), iat: nowSeconds(), exp: nowSeconds() + 300 }),
      'token_alg',
    )
  })

  it('refuses a token signed with the wrong secret with token_signature', async () => {
    await expectRefused(
      await mintToken('not-the-secret', validClaims(), { nowMs: clock.now() }),
      'token_signature',
    )
  })

  it('refuses a token for another project, or without aud, with token_audience', async () => {
    await expectRefused(
      await mintToken(
        secret,
        { ...validClaims(), aud: audienceFor('other') },
        { nowMs: clock.now() },
      ),
      'token_audience',
    )
    await expectRefused(
      await mintToken(secret, { ...validClaims(), aud: undefined }, { nowMs: clock.now() }),
      'token_audience',
    )
  })

  it('refuses an expired token with token_expired, forgiving 30 seconds of clock skew', async () => {
    const iat = nowSeconds() - 300
    const skewed = await mintToken(secret, { ...validClaims(), iat, exp: nowSeconds() - 20 })
    expect((await submitWithToken(skewed)).status).toBe(201)
    await truncateAllTables(server.store.db)
    ;({
      project: { id: projectId },
      secret,
    } = await server.createProject('Acme'))
    await expectRefused(
      await mintToken(secret, { ...validClaims(), iat, exp: nowSeconds() - 31 }),
      'token_expired',
    )
  })

  it('refuses a token issued in the future beyond the leeway with token_not_yet_valid', async () => {
    const iat = nowSeconds() + 120
    await expectRefused(
      await mintToken(secret, { ...validClaims(), iat, exp: iat + 300 }),
      'token_not_yet_valid',
    )
  })

  it('refuses a token living longer than 300 seconds with token_lifetime', async () => {
    const iat = nowSeconds()
    await expectRefused(
      await mintToken(secret, { ...validClaims(), iat, exp: iat + 301 }),
      'token_lifetime',
    )
  })

  it('refuses a missing or empty sub, non-numeric iat and bad traits with token_claims', async () => {
    const mint = (claims: Record<string, unknown>) =>
      mintToken(secret, { ...validClaims(), ...claims }, { nowMs: clock.now() })
    await expectRefused(await mint({ sub: '' }), 'token_claims')
    await expectRefused(await mint({ sub: 42 }), 'token_claims')
    await expectRefused(await mint({ sub: undefined }), 'token_claims')
    await expectRefused(await mint({ iat: String(nowSeconds()) }), 'token_claims')
    await expectRefused(
      await mint({ traits: { plan: 'pro', amount: -1, interval: 'month' } }),
      'token_claims',
    )
    await expectRefused(
      await mint({ traits: { plan: 'pro', amount: 10.5, interval: 'month' } }),
      'token_claims',
    )
    await expectRefused(
      await mint({ traits: { plan: 'pro', amount: 100, interval: 'week' } }),
      'token_claims',
    )
    await expectRefused(await mint({ traits: { amount: 100, interval: 'month' } }), 'token_claims')
  })

  it('refuses an Authorization header that is not a bearer token', async () => {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      headers: { Authorization: 'Basic dXNlcjpwYXNz' },
    })
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('token_malformed')
  })
})

describe('secret rotation and the token cache', () => {
  async function rotate(graceSeconds?: number) {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/secret`, {
      method: 'POST',
      body: JSON.stringify(graceSeconds === undefined ? {} : { graceSeconds }),
    })
    expect(res.status).toBe(201)
    return (await res.json()) as { secret: string; previousValidUntil: string }
  }

  it('keeps the previous secret valid until previousValidUntil, then refuses it', async () => {
    const oldSecret = secret
    const rotated = await rotate(3600)
    expect(rotated.previousValidUntil).toBe(new Date(START + 3600_000).toISOString())
    expect(rotated.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)

    expect(
      (await submitWithToken(await mintToken(oldSecret, validClaims(), { nowMs: clock.now() })))
        .status,
    ).toBe(201)
    const fresh = await mintToken(
      rotated.secret,
      { ...validClaims(), sub: 'user-2' },
      { nowMs: clock.now() },
    )
    expect((await submitWithToken(fresh)).status).toBe(201)

    clock.advance(3600_000)
    const res = await submitWithToken(
      await mintToken(oldSecret, validClaims(), { nowMs: clock.now() }),
    )
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('token_signature')
  })

  it('stops accepting a cached token as soon as a rotation without grace retires its secret', async () => {
    const token = await mintToken(secret, validClaims(), { nowMs: clock.now() })
    const list = () =>
      fetch(`${server.url}/v1/projects/${projectId}/requests`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    expect((await list()).status).toBe(200)
    expect((await list()).status).toBe(200)
    await rotate(0)
    expect((await list()).status).toBe(401)
  })

  it('never answers from the cache after the token expired', async () => {
    const token = await mintToken(secret, validClaims(), { nowMs: clock.now() })
    const list = () =>
      fetch(`${server.url}/v1/projects/${projectId}/requests`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    expect((await list()).status).toBe(200)
    clock.advance(331_000)
    const res = await list()
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('token_expired')
  })
})
