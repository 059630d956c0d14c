// Order is by iat, not by arrival (spec/api.md v3 "Identity claims, made explicit"): one set
// of tokens (a few people, two companies, varied claims, many iats shared) delivered in random
// orders over real HTTP, each order to a project of its own, always leaves the stored facts of
// the newest token: each person's email, name, plan, MRR and company; each company's name, plan
// and MRR; and requests' revenue and accounts as their voters' accounts add up (and equal to a
// recount from votes).
//
// Ties (one second, different claims) are settled by what the tokens say, never by arrival:
// the higher MRR wins, then the higher amount, then plan, interval and the remaining claims
// compared as text (a person's: company id, email, name; a company's: its name), a missing
// value lowest. newestFirst below is that rule, written out again.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anonymousVoter } from '../../../src/server/store'
import type { BacklogRequest, CompanySummary, PersonSummary } from '../../../src/shared/api'
import { audienceFor, monthlyRevenueCents } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { expectCountersEqualRecount } from '../../helpers/revenue-recount'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'

const PEOPLE = ['ann', 'bob', 'cat']
const REQUESTS = 2

interface Traits {
  plan: string
  amount: number
  interval: 'month' | 'year'
}
interface GeneratedToken {
  sub: string
  /** Seconds after the run's base time: few values, so many tokens share a second. */
  second: number
  email: string | null | undefined
  name: string | undefined
  traits: Traits | undefined
  company: { id: string; name?: string } | undefined
  /** Which request the vote carrying the token is for; null: delivered by identify instead. */
  request: number | null
}

const tokenArb: fc.Arbitrary<GeneratedToken> = fc.record({
  sub: fc.constantFrom(...PEOPLE),
  second: fc.nat(3),
  email: fc.constantFrom(undefined, null, 'a@example.com', 'b@example.com'),
  name: fc.constantFrom(undefined, 'Ann', 'Bo'),
  traits: fc.option(
    fc.record({
      plan: fc.constantFrom('pro', 'team'),
      amount: fc.constantFrom(0, 900, 4_900, 99_000),
      interval: fc.constantFrom('month' as const, 'year' as const),
    }),
    { nil: undefined, freq: 4 },
  ),
  company: fc.option(
    fc.record(
      { id: fc.constantFrom('acme', 'beta'), name: fc.constantFrom('Acme', 'Acme Inc') },
      { requiredKeys: ['id'] },
    ),
    { nil: undefined, freq: 3 },
  ),
  request: fc.option(fc.nat(REQUESTS - 1), { nil: null, freq: 5 }),
})

/** A set of tokens and two arrival orders of it (permutations of its indexes). */
const scenarioArb = fc.array(tokenArb, { minLength: 2, maxLength: 8 }).chain((tokens) => {
  const indexes = tokens.map((_, i) => i)
  const order = fc.shuffledSubarray(indexes, {
    minLength: indexes.length,
    maxLength: indexes.length,
  })
  return fc.record({ tokens: fc.constant(tokens), orders: fc.tuple(order, order) })
})

type Rank = (number | string | null)[]

function mrrOf(token: GeneratedToken): number {
  return token.traits ? monthlyRevenueCents(token.traits) : 0
}
function personRank(token: GeneratedToken): Rank {
  return [
    mrrOf(token),
    token.traits?.amount ?? null,
    token.traits?.plan ?? null,
    token.traits?.interval ?? null,
    token.company?.id ?? null,
    token.email ?? null,
    token.name ?? null,
  ]
}
function companyRank(token: GeneratedToken): Rank {
  return [
    mrrOf(token),
    token.traits?.amount ?? null,
    token.traits?.plan ?? null,
    token.traits?.interval ?? null,
    token.company?.name ?? null,
  ]
}
function compareRank(a: Rank, b: Rank): number {
  for (const [i, x] of a.entries()) {
    const y = b[i] ?? null
    if (x === y) continue
    if (x === null) return -1
    if (y === null) return 1
    return x < y ? -1 : 1
  }
  return 0
}
/** The newest token first: later second, then the tie rule above. */
function newestFirst(rank: (token: GeneratedToken) => Rank) {
  return (a: GeneratedToken, b: GeneratedToken) =>
    b.second - a.second || compareRank(rank(b), rank(a))
}

/** What the stored facts must be after every token, whatever the order they came in. */
function expectedFacts(tokens: GeneratedToken[]) {
  const people = new Map<string, GeneratedToken>()
  for (const sub of PEOPLE) {
    const newest = tokens.filter((t) => t.sub === sub).sort(newestFirst(personRank))[0]
    if (newest) people.set(sub, newest)
  }
  const companies = new Map<string, GeneratedToken>()
  for (const id of ['acme', 'beta']) {
    const newest = tokens.filter((t) => t.company?.id === id).sort(newestFirst(companyRank))[0]
    if (newest) companies.set(id, newest)
  }
  const accountOf = (sub: string) => {
    const newest = people.get(sub) as GeneratedToken
    const companyId = newest.company?.id
    return companyId
      ? { key: `c:${companyId}`, mrrCents: mrrOf(companies.get(companyId) as GeneratedToken) }
      : { key: `p:${sub}`, mrrCents: mrrOf(newest) }
  }
  const requests = Array.from({ length: REQUESTS }, (_, request) => {
    const voters = new Set(tokens.filter((t) => t.request === request).map((t) => t.sub))
    const accounts = new Map([...voters].map((sub) => [accountOf(sub).key, accountOf(sub)]))
    return {
      // The anonymous author's own vote too.
      votes: voters.size + 1,
      accounts: accounts.size,
      mrrCents: [...accounts.values()].reduce((sum, account) => sum + account.mrrCents, 0),
    }
  })
  return {
    people: [...people].map(([sub, t]) => ({
      sub,
      email: t.email ?? null,
      name: t.name ?? null,
      plan: t.traits?.plan ?? null,
      mrrCents: mrrOf(t),
      companyId: t.company?.id ?? null,
    })),
    companies: [...companies].map(([id, t]) => ({
      id,
      name: t.company?.name ?? null,
      plan: t.traits?.plan ?? null,
      mrrCents: mrrOf(t),
      people: [...people.values()].filter((newest) => newest.company?.id === id).length,
    })),
    requests,
  }
}

describe.each(storeBackends())('claims order on the $name database (property)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
  })
  afterAll(async () => {
    await server.close()
  })

  /** A new project, its requests, then every token in `order`: the facts stored afterwards. */
  async function deliverInOrder(tokens: GeneratedToken[], order: number[], baseSecond: number) {
    const { project, secret } = await server.createProject('Claims order')
    const base = `${server.url}/v1/projects/${project.id}`
    // The requests the votes go to are not under test: written straight to the store.
    const requestIds: string[] = []
    for (let i = 0; i < REQUESTS; i++) {
      const { request } = await server.store.requests.create({
        projectId: project.id,
        actor: { voter: anonymousVoter('author'), person: null },
        title: `Request ${i}`,
        body: '',
        idempotencyKey: null,
        now: Date.now(),
      })
      requestIds.push(request.id)
    }
    for (const index of order) {
      const { second, request, sub, ...claims } = tokens[index] as GeneratedToken
      const iat = baseSecond + second
      const token = await mintToken(secret, {
        ...claims,
        sub,
        aud: audienceFor(project.id),
        iat,
        exp: iat + 300,
      })
      const path = request === null ? '/identify' : `/requests/${requestIds[request]}/vote`
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      })
      // Every token's request is served, the older ones too.
      expect(res.status).toBe(200)
    }
    const admin = async <T>(path: string) => {
      const res = await server.adminFetch(`/v1/admin/projects/${project.id}${path}`)
      expect(res.status).toBe(200)
      return (await res.json()) as T
    }
    const { people } = await admin<{ people: PersonSummary[] }>('/people?limit=200')
    const { companies } = await admin<{ companies: CompanySummary[] }>('/companies')
    const { requests } = await admin<{ requests: BacklogRequest[] }>('/backlog')
    await expectCountersEqualRecount(server.store.db, project.id)
    const byId = new Map(requests.map((r) => [r.id, r]))
    return {
      people: people
        .map((p) => ({
          sub: p.sub,
          email: p.email,
          name: p.name,
          plan: p.plan,
          mrrCents: p.mrrCents,
          companyId: p.company?.id ?? null,
        }))
        .sort((a, b) => a.sub.localeCompare(b.sub)),
      companies: companies
        .map(({ id, name, plan, mrrCents, people }) => ({ id, name, plan, mrrCents, people }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      requests: requestIds.map((id) => {
        const { votes, accounts, mrrCents } = byId.get(id) as BacklogRequest
        return { votes, accounts, mrrCents }
      }),
    }
  }

  it('stores the newest token’s facts whatever order the tokens arrive in', async () => {
    const baseSecond = Math.floor(Date.now() / 1000) - 60
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ tokens, orders }) => {
        const expected = expectedFacts(tokens)
        for (const order of orders) {
          expect(await deliverInOrder(tokens, order, baseSecond)).toEqual(expected)
        }
      }),
      { numRuns: 8 },
    )
  }, 120_000)
})
