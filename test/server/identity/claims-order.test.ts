// Identity claims, made explicit (spec/api.md v3), over HTTP with real tokens on both engines:
// a token is a snapshot of the person, and order is by iat, not by arrival, for person facts,
// company membership and company MRR. An older token still has its request served.
import { describe, expect, it } from 'vitest'
import type { BacklogRequest, CompanySummary, PersonSummary } from '../../../src/shared/api'
import { audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import { expectCountersEqualRecount } from '../../helpers/revenue-recount'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'

const monthly = (amount: number, plan = 'team') => ({ plan, amount, interval: 'month' })

describe.each(storeBackends())('claims order on the $name database', ({ databaseUrl }) => {
  let server: TestServer
  let projectId: string
  let secret: string
  serverWithFreshProject({ demo: false, databaseUrl }, 'Acme Analytics', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })

  /** Seconds: tokens are minted up to two minutes in the past, well inside their lifetime. */
  const t0 = Math.floor(Date.now() / 1000) - 120

  function token(sub: string, iat: number, claims: Record<string, unknown> = {}) {
    return mintToken(secret, { sub, aud: audienceFor(projectId), iat, exp: iat + 300, ...claims })
  }
  async function newRequest(title: string) {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': 'anon-author', 'Content-Type': 'application/json' },
      body: JSON.stringify({ title }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { request: { id: string } }).request.id
  }
  /** Delivers the token the way the widget does: a vote carrying it. The vote is always served. */
  async function voteWith(requestId: string, bearer: string) {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bearer}` },
    })
    expect(res.status).toBe(200)
  }
  async function admin<T>(path: string): Promise<T> {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}${path}`)
    expect(res.status).toBe(200)
    return (await res.json()) as T
  }
  const companies = async () =>
    (await admin<{ companies: CompanySummary[] }>('/companies')).companies
  const company = async (id: string) => (await companies()).find((c) => c.id === id)
  const person = async (sub: string) =>
    (await admin<{ person: PersonSummary }>(`/people/${sub}`)).person
  const backlogEntry = async (id: string) =>
    (await admin<{ requests: BacklogRequest[] }>('/backlog')).requests.find((r) => r.id === id)

  it('keeps a company’s MRR at what its newest token says when older tokens of its people arrive late (the 99,000 instead of 40,000)', async () => {
    const sso = await newRequest('SSO')
    const csv = await newRequest('CSV export')
    const acme = { id: 'acme', name: 'Acme' }
    const beta = { id: 'beta', name: 'Beta' }
    // Acme paid 40,000, briefly 99,000 (Cat's and Dan's tokens were minted then), then 40,000
    // again: Bob's token is the newest word on Acme. Dan has since moved to Beta.
    await voteWith(sso, await token('ann', t0, { traits: monthly(40_000), company: acme }))
    await voteWith(sso, await token('bob', t0 + 30, { traits: monthly(40_000), company: acme }))
    await voteWith(sso, await token('dan', t0 + 40, { traits: monthly(5_000), company: beta }))
    await voteWith(sso, await token('cat', t0 + 10, { traits: monthly(99_000), company: acme }))
    // Dan's older token, from his Acme days, arrives last and still has its vote served.
    await voteWith(csv, await token('dan', t0 + 20, { traits: monthly(99_000), company: acme }))

    expect(await company('acme')).toMatchObject({ mrrCents: 40_000, people: 3 })
    expect(await company('beta')).toMatchObject({ mrrCents: 5_000, people: 1 })
    expect(await person('dan')).toMatchObject({ mrrCents: 5_000, company: beta, plan: 'team' })
    // Votes include the (anonymous) author's own.
    expect(await backlogEntry(sso)).toMatchObject({ votes: 5, accounts: 2, mrrCents: 45_000 })
    // Dan's vote with the old token counts for his current account, Beta.
    expect(await backlogEntry(csv)).toMatchObject({ votes: 2, accounts: 1, mrrCents: 5_000 })
    await expectCountersEqualRecount(server.store.db, projectId)
  })

  it('stores each token as a snapshot: a claim left out clears what an earlier token said', async () => {
    const sso = await newRequest('SSO')
    const acme = { id: 'acme', name: 'Acme Inc' }
    await voteWith(
      sso,
      await token('ann', t0, {
        email: 'ann@example.com',
        name: 'Ann',
        traits: monthly(9_900),
        company: acme,
      }),
    )
    await voteWith(sso, await token('bob', t0, { traits: monthly(9_900), company: acme }))
    expect(await backlogEntry(sso)).toMatchObject({ accounts: 1, mrrCents: 9_900 })

    // Ann's newer token carries nothing optional: no email, name, plan, revenue or company.
    await voteWith(sso, await token('ann', t0 + 10))
    expect(await person('ann')).toMatchObject({
      email: null,
      name: null,
      plan: null,
      mrrCents: 0,
      company: null,
    })
    // Bob's newer token names Acme without its name and without traits: both cleared.
    await voteWith(sso, await token('bob', t0 + 20, { company: { id: 'acme' } }))
    expect(await company('acme')).toMatchObject({ name: null, plan: null, mrrCents: 0 })
    expect(await backlogEntry(sso)).toMatchObject({ votes: 3, accounts: 2, mrrCents: 0 })
    await expectCountersEqualRecount(server.store.db, projectId)
  })

  it('settles tokens issued in the same second the same way whatever their arrival: the higher MRR wins', async () => {
    const sso = await newRequest('SSO')
    const iat = t0 + 50
    // One person, two tokens of one second, in both arrival orders.
    for (const [sub, amounts] of [
      ['eve', [1_000, 2_000]],
      ['fay', [2_000, 1_000]],
    ] as const) {
      for (const amount of amounts)
        await voteWith(sso, await token(sub, iat, { traits: monthly(amount) }))
      expect(await person(sub)).toMatchObject({ mrrCents: 2_000 })
    }
    // Two people of one company, one second, in both arrival orders.
    for (const [id, amounts] of [
      ['north', [3_000, 7_000]],
      ['south', [7_000, 3_000]],
    ] as const) {
      for (const [i, amount] of amounts.entries()) {
        const claims = { traits: monthly(amount), company: { id } }
        await voteWith(sso, await token(`${id}-${i}`, iat, claims))
      }
      expect(await company(id)).toMatchObject({ mrrCents: 7_000 })
    }
    expect(await backlogEntry(sso)).toMatchObject({ accounts: 4, mrrCents: 2 * 2_000 + 2 * 7_000 })
    await expectCountersEqualRecount(server.store.db, projectId)
  })
})
