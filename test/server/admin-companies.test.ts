// Revenue counted once per account, over HTTP with real tokens: the company claim, the backlog's
// accounts and voters' companies, and the Companies endpoints.
import { describe, expect, it } from 'vitest'
import type {
  BacklogRequest,
  CompanyDetailResponse,
  CompanyListResponse,
} from '../../src/shared/api'
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

const PRO = { plan: 'pro', amount: 4900, interval: 'month' }

async function tokenFor(sub: string, claims: Record<string, unknown>, nowMs = Date.now()) {
  return mintToken(
    secret,
    { sub, aud: audienceFor(projectId), email: `${sub}@example.com`, ...claims },
    { nowMs },
  )
}
async function voteWith(requestId: string, token: string) {
  return fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
    method: 'POST',
    headers: { 'X-Reqio-Anonymous-Id': 'anon-voter-1', Authorization: `Bearer ${token}` },
  })
}
async function vote(
  requestId: string,
  sub: string,
  claims: Record<string, unknown>,
  nowMs?: number,
) {
  const res = await voteWith(requestId, await tokenFor(sub, claims, nowMs))
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
async function backlog() {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog?sort=revenue`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { requests: BacklogRequest[] }).requests
}
async function companies(sort?: string) {
  const res = await server.adminFetch(
    `/v1/admin/projects/${projectId}/companies${sort ? `?sort=${sort}` : ''}`,
  )
  expect(res.status).toBe(200)
  return ((await res.json()) as CompanyListResponse).companies
}

describe('companies: revenue counted once per account', () => {
  it('adds a company’s MRR once when three of its people vote for one request', async () => {
    const sso = await newRequest('SSO')
    const acme = { id: 'acme', name: 'Acme Inc' }
    for (const sub of ['ann', 'bob', 'cat']) await vote(sso, sub, { traits: PRO, company: acme })
    await vote(sso, 'solo', { traits: { plan: 'starter', amount: 900, interval: 'month' } })

    const [entry] = await backlog()
    expect(entry).toMatchObject({ votes: 5, accounts: 2, mrrCents: 4900 + 900 })
    const companyOf = Object.fromEntries(entry?.voters.map((v) => [v.sub, v.company]) ?? [])
    expect(companyOf.ann).toMatchObject({ id: 'acme', name: 'Acme Inc', mrrCents: 4900 })
    expect(companyOf.solo).toBeNull()

    // The request's detail shows the same voters with the same companies.
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${sso}`)
    const detail = ((await res.json()) as { request: BacklogRequest }).request
    expect(Object.fromEntries(detail.voters.map((v) => [v.sub, v.company]))).toEqual(companyOf)
  })

  it('follows the latest token: a new plan reprices the company, leaving it makes the person their own account', async () => {
    const sso = await newRequest('SSO')
    const t0 = Date.now() - 60_000
    const acme = { id: 'acme', name: 'Acme' }
    await vote(sso, 'ann', { traits: PRO, company: acme }, t0)
    await vote(sso, 'bob', { traits: PRO, company: acme }, t0)
    // Bob's newer token upgrades the company: every request Acme counts for moves.
    await vote(
      sso,
      'bob',
      { traits: { plan: 'team', amount: 9900, interval: 'month' }, company: acme },
      t0 + 10_000,
    )
    expect(await backlog()).toMatchObject([{ accounts: 1, mrrCents: 9900 }])
    // An older token from Ann changes neither the company nor her account.
    await vote(sso, 'ann', { traits: PRO, company: acme }, t0 - 10_000)
    expect(await backlog()).toMatchObject([{ accounts: 1, mrrCents: 9900 }])
    // Ann leaves Acme with her own free plan: two accounts now, her revenue is her own.
    await vote(
      sso,
      'ann',
      { traits: { plan: 'free', amount: 1000, interval: 'month' } },
      t0 + 20_000,
    )
    expect(await backlog()).toMatchObject([{ accounts: 2, mrrCents: 9900 + 1000 }])
  })

  it('refuses a malformed company claim with token_claims', async () => {
    const sso = await newRequest('SSO')
    for (const company of [
      {},
      { id: '' },
      { id: 42 },
      { id: 'x'.repeat(256) },
      { id: 'a', name: 'n'.repeat(201) },
      'acme',
    ]) {
      const res = await voteWith(sso, await tokenFor('ann', { traits: PRO, company }))
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ error: { code: 'token_claims' } })
    }
  })

  it('lists companies by MRR or by requests, and one company with its requests', async () => {
    const [sso, csv, api] = [
      await newRequest('SSO'),
      await newRequest('CSV'),
      await newRequest('API'),
    ]
    const big = { id: 'big', name: 'Big Co' }
    const small = { id: 'small', name: 'Small Co' }
    const enterprise = { plan: 'enterprise', amount: 120_000, interval: 'year' }
    await vote(sso, 'b1', { traits: enterprise, company: big })
    await vote(sso, 'b2', { traits: enterprise, company: big })
    for (const request of [sso, csv, api])
      await vote(request, 's1', { traits: PRO, company: small })

    expect(await companies()).toMatchObject([
      { id: 'big', name: 'Big Co', plan: 'enterprise', mrrCents: 10_000, people: 2, requests: 1 },
      { id: 'small', name: 'Small Co', plan: 'pro', mrrCents: 4900, people: 1, requests: 3 },
    ])
    expect((await companies('requests')).map((c) => c.id)).toEqual(['small', 'big'])

    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/companies/big`)
    expect(res.status).toBe(200)
    const detail = (await res.json()) as CompanyDetailResponse
    expect(detail.company).toMatchObject({ id: 'big', mrrCents: 10_000, people: 2, requests: 1 })
    expect(detail.people.map((p) => p.sub)).toEqual(['b1', 'b2'])
    expect(detail.requests).toMatchObject([
      { id: sso, companyVoters: 2, accounts: 2, mrrCents: 14_900 },
    ])

    const missing = await server.adminFetch(`/v1/admin/projects/${projectId}/companies/nobody`)
    expect(missing.status).toBe(404)
  })

  it('counts an account once after a request merge and moves it with identify', async () => {
    const [a, b] = [await newRequest('Dark mode'), await newRequest('Night theme')]
    const acme = { id: 'acme', name: 'Acme' }
    await vote(a, 'ann', { traits: PRO, company: acme })
    await vote(b, 'bob', { traits: PRO, company: acme })
    const merged = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${a}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: b }),
    })
    expect(merged.status).toBe(200)
    expect(((await merged.json()) as { request: BacklogRequest }).request).toMatchObject({
      votes: 3, // with the (anonymous) author of both
      accounts: 1,
      mrrCents: 4900,
    })
    // An anonymous vote becomes Cat's at identify: she is Acme too, so still one account.
    await fetch(`${server.url}/v1/projects/${projectId}/requests/${b}/vote`, {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': 'anon-cat-browser' },
    })
    const identify = await fetch(`${server.url}/v1/projects/${projectId}/identify`, {
      method: 'POST',
      headers: {
        'X-Reqio-Anonymous-Id': 'anon-cat-browser',
        Authorization: `Bearer ${await tokenFor('cat', { traits: PRO, company: acme })}`,
      },
    })
    expect(identify.status).toBe(200)
    expect(await backlog()).toMatchObject([{ votes: 4, accounts: 1, mrrCents: 4900 }])
  })
})
