import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAdminToken } from '../../src/server/admin-token'
import type { BacklogRequest, TokenCheckResponse } from '../../src/shared/api'
import { audienceFor } from '../../src/shared/identity'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

let server: TestServer
let projectId: string
let secret: string

serverWithFreshProject({ demo: false }, 'Acme Analytics', (fresh) => {
  ;({ server, projectId, secret } = fresh)
})

async function voteAs(requestId: string, sub: string | null, traits?: object, nowMs = Date.now()) {
  const headers: Record<string, string> = {
    'X-Reqio-Anonymous-Id': `anon-${sub ?? Math.random().toString(36).slice(2)}`,
  }
  if (sub) {
    headers.Authorization = `Bearer ${await mintToken(secret, { sub, aud: audienceFor(projectId), email: `${sub}@example.com`, traits }, { nowMs })}`
  }
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
    method: 'POST',
    headers,
  })
  expect(res.status).toBe(200)
}
async function newRequest(title: string) {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: { 'X-Reqio-Anonymous-Id': 'anon-author', 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  return ((await res.json()) as { request: { id: string } }).request.id
}
async function backlog(sort = 'revenue') {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog?sort=${sort}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { requests: BacklogRequest[] }).requests
}

describe('admin API', () => {
  it('refuses a missing or wrong admin token with 401', async () => {
    const missing = await fetch(`${server.url}/v1/admin/projects`)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ error: { code: 'unauthorized' } })
    const wrong = await fetch(`${server.url}/v1/admin/projects`, {
      headers: { Authorization: 'Bearer nope' },
    })
    expect(wrong.status).toBe(401)
  })

  it('creates a project with its audience and a 32-byte secret that the list never shows', async () => {
    const res = await server.adminFetch('/v1/admin/projects', {
      method: 'POST',
      body: JSON.stringify({ name: 'Beta Co' }),
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as {
      project: { id: string; audience: string }
      secret: string
    }
    expect(created.project.audience).toBe(audienceFor(created.project.id))
    expect(Buffer.from(created.secret, 'base64url')).toHaveLength(32)
    const listed = await (await server.adminFetch('/v1/admin/projects')).text()
    expect(listed).toContain(created.project.id)
    expect(listed).not.toContain(created.secret)
  })

  it('refuses a project without a name with validation_failed naming the field', async () => {
    const res = await server.adminFetch('/v1/admin/projects', {
      method: 'POST',
      body: JSON.stringify({ name: '' }),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', field: 'name' } })
  })

  it('shows votes and monthly revenue per request, sorted by revenue, votes or new', async () => {
    const sso = await newRequest('SSO')
    const csv = await newRequest('CSV export')
    await voteAs(sso, 'bigco', { plan: 'enterprise', amount: 120_000, interval: 'year' })
    await voteAs(csv, 'small1', { plan: 'starter', amount: 900, interval: 'month' })
    await voteAs(csv, null)
    await voteAs(csv, null)

    const byRevenue = await backlog('revenue')
    expect(byRevenue.map((r) => [r.title, r.votes, r.mrrCents])).toEqual([
      // Each counts its anonymous author's vote too.
      ['SSO', 2, 10_000],
      ['CSV export', 4, 900],
    ])
    expect(byRevenue[0]?.voters).toEqual([
      {
        sub: 'bigco',
        email: 'bigco@example.com',
        plan: 'enterprise',
        mrrCents: 10_000,
        // Revenue from the token, as of when it came, not at risk (v3 "The revenue ledger").
        mrrSource: 'token',
        mrrAsOf: expect.any(String),
        atRisk: false,
        company: null,
      },
    ])
    expect((await backlog('votes')).map((r) => r.title)).toEqual(['CSV export', 'SSO'])
    expect((await backlog('new')).map((r) => r.title)).toEqual(['CSV export', 'SSO'])
  })

  it('uses the latest token for a person: a plan change moves every request they voted for', async () => {
    const sso = await newRequest('SSO')
    await voteAs(sso, 'grower', { plan: 'starter', amount: 1000, interval: 'month' })
    // A token issued a few seconds later (within the clock leeway) carries the new plan.
    await voteAs(sso, 'grower', { plan: 'pro', amount: 5000, interval: 'month' }, Date.now() + 5000)
    // The author's vote and the grower's one.
    expect((await backlog())[0]).toMatchObject({ votes: 2, mrrCents: 5000 })
  })

  it('changes status and title, and merges one request into another', async () => {
    const a = await newRequest('Dark theme')
    const b = await newRequest('Dark mode')
    await voteAs(a, 'dana', { plan: 'pro', amount: 300, interval: 'month' })
    await voteAs(b, 'dana', { plan: 'pro', amount: 300, interval: 'month' })
    await voteAs(a, 'eve', { plan: 'pro', amount: 700, interval: 'month' })

    const patched = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${b}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'planned', title: 'Dark mode everywhere' }),
    })
    expect(patched.status).toBe(200)
    expect(((await patched.json()) as { request: BacklogRequest }).request).toMatchObject({
      status: 'planned',
      title: 'Dark mode everywhere',
    })

    const merged = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${a}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: b }),
    })
    expect(((await merged.json()) as { request: BacklogRequest }).request).toMatchObject({
      id: b,
      // Dana, Eve and the author of both.
      votes: 3,
      mrrCents: 1000,
    })
    expect((await backlog()).map((r) => r.id)).toEqual([b])

    const badStatus = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${b}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'someday' }),
    })
    expect(await badStatus.json()).toMatchObject({
      error: { code: 'validation_failed', field: 'status' },
    })
    const missing = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/r_nope`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'done' }),
    })
    expect(missing.status).toBe(404)
  })
})

describe('token check', () => {
  async function check(token: string) {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/token-check`, {
      method: 'POST',
      body: JSON.stringify({ token }),
    })
    expect(res.status).toBe(200)
    return (await res.json()) as TokenCheckResponse
  }

  it('answers the claims and monthly revenue of a valid token, and stores nothing', async () => {
    const token = await mintToken(secret, {
      sub: 'u-9',
      aud: audienceFor(projectId),
      email: 'nine@example.com',
      traits: { plan: 'team', amount: 24_000, interval: 'year' },
    })
    const verdict = await check(token)
    expect(verdict).toMatchObject({
      valid: true,
      claims: {
        sub: 'u-9',
        email: 'nine@example.com',
        plan: 'team',
        interval: 'year',
        amount: 24_000,
        mrrCents: 2000,
      },
    })
    expect(await server.store.people.find(projectId, 'u-9')).toBeNull()
  })

  it('answers the failure code and a plain message for a bad token', async () => {
    const wrongAudience = await mintToken(secret, { sub: 'u', aud: audienceFor('elsewhere') })
    expect(await check(wrongAudience)).toMatchObject({
      valid: false,
      error: { code: 'token_audience' },
    })
    expect(await check('garbage')).toMatchObject({
      valid: false,
      error: { code: 'token_malformed' },
    })
  })
})

describe('admin token', () => {
  it('generates one on first start, stores it, and reads the same one afterwards', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reqio-admin-'))
    const first = resolveAdminToken({ adminToken: null, dataDir })
    expect(first.generated).toBe(true)
    const second = resolveAdminToken({ adminToken: null, dataDir })
    expect(second).toMatchObject({ token: first.token, generated: false })
    writeFileSync(join(dataDir, 'unused'), '')
    expect(resolveAdminToken({ adminToken: 'from-env', dataDir }).token).toBe('from-env')
  })
})
