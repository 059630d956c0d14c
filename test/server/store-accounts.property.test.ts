// The per-account revenue counters against the truth: for random sequences of votes, unvotes,
// identify merges, request merges, plan changes and company moves (with tokens arriving out of
// order), and Stripe events that reprice accounts and flag them at risk, every request's
// maintained mrrCents, atRiskMrrCents, accounts and votes equal a from-scratch recomputation in
// SQL over votes, people and companies.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor, PersonFacts, Store } from '../../src/server/store'
import { anonymousVoter, personVoter } from '../../src/server/store'
import { truncateAllTables } from '../../src/server/store/reset'
import { storeBackends } from '../helpers/backends'
import { expectCountersEqualRecount } from '../helpers/revenue-recount'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const PEOPLE = 5
const ANONYMOUS = 3
const REQUESTS = 3
const COMPANIES = 2

type Op =
  | { kind: 'vote' | 'unvote'; voter: number; request: number }
  | { kind: 'anonymousVote' | 'anonymousUnvote'; anonymous: number; request: number }
  | { kind: 'identify'; anonymous: number; person: number }
  | { kind: 'merge'; source: number; target: number }
  | { kind: 'token'; person: number; mrrCents: number; company: number | null; stale: boolean }
  | {
      kind: 'stripe'
      account: { company: number } | { person: number }
      mrrCents: number
      atRisk: boolean
    }

const person = fc.nat(PEOPLE - 1)
const anonymous = fc.nat(ANONYMOUS - 1)
const request = fc.nat(REQUESTS - 1)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('vote' as const), voter: person, request }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('unvote' as const), voter: person, request }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('anonymousVote' as const, 'anonymousUnvote' as const),
      anonymous,
      request,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('identify' as const), anonymous, person }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('merge' as const), source: request, target: request }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('token' as const),
      person,
      mrrCents: fc.constantFrom(0, 900, 4900, 10_000),
      company: fc.option(fc.nat(COMPANIES - 1), { nil: null }),
      stale: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('stripe' as const),
      account: fc.oneof(fc.record({ company: fc.nat(COMPANIES - 1) }), fc.record({ person })),
      mrrCents: fc.constantFrom(0, 2900, 9900),
      atRisk: fc.boolean(),
    }),
  },
)

/** Each person's company in their first token: most people start inside one. */
const startArb = fc.array(fc.option(fc.nat(COMPANIES - 1), { nil: null, freq: 4 }), {
  minLength: PEOPLE,
  maxLength: PEOPLE,
})

describe.each(storeBackends())('per-account revenue on the $name database', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await backend.open()
  })
  afterAll(async () => {
    await store.close()
  })

  it('keeps every request’s mrrCents, atRiskMrrCents, accounts and votes equal to a recomputation from scratch', async () => {
    await fc.assert(
      fc.asyncProperty(
        startArb,
        fc.array(opArb, { minLength: 5, maxLength: 40 }),
        async (start, ops) => {
          await truncateAllTables(store.db)
          await store.projects.create({ id: 'p1', name: 'P1', secret: 's', now: NOW })
          const requestIds: string[] = []
          for (let i = 0; i < REQUESTS; i++) {
            const { request: created } = await store.requests.create({
              projectId: 'p1',
              actor: { voter: anonymousVoter('author'), person: null },
              title: `Request ${i}`,
              body: '',
              idempotencyKey: null,
              now: NOW,
            })
            requestIds.push(created.id)
          }
          // What each person's latest token says; every fresh token is one second newer.
          let clock = NOW / 1000
          const latest: PersonFacts[] = start.map((company, i) => ({
            sub: `u${i}`,
            email: null,
            plan: 'pro',
            interval: 'month',
            amountCents: 4900,
            mrrCents: 4900,
            iat: clock,
            company: company === null ? null : { id: `co${company}`, name: null },
          }))
          const asPerson = (i: number): Actor => ({
            voter: personVoter(`u${i}`),
            person: latest[i] as PersonFacts,
          })
          const asAnonymous = (i: number): Actor => ({
            voter: anonymousVoter(`anon${i}`),
            person: null,
          })
          const requestAt = (i: number) => requestIds[i] as string

          for (const op of ops) {
            switch (op.kind) {
              case 'vote':
                await store.votes.cast('p1', requestAt(op.request), asPerson(op.voter), NOW)
                break
              case 'unvote':
                await store.votes.retract('p1', requestAt(op.request), asPerson(op.voter), NOW)
                break
              case 'anonymousVote':
                await store.votes.cast('p1', requestAt(op.request), asAnonymous(op.anonymous), NOW)
                break
              case 'anonymousUnvote':
                await store.votes.retract(
                  'p1',
                  requestAt(op.request),
                  asAnonymous(op.anonymous),
                  NOW,
                )
                break
              case 'identify':
                await store.votes.linkAnonymous(
                  'p1',
                  `anon${op.anonymous}`,
                  latest[op.person] as PersonFacts,
                  NOW,
                )
                break
              case 'merge':
                if (op.source !== op.target)
                  await store.requests.merge('p1', requestAt(op.source), requestAt(op.target), NOW)
                break
              case 'token': {
                // A stale token was issued before the person's latest one: it must not move the
                // person, but it is still the company's latest word if nobody newer spoke for it.
                clock += 1
                const facts: PersonFacts = {
                  sub: `u${op.person}`,
                  email: null,
                  plan: 'pro',
                  interval: 'month',
                  amountCents: op.mrrCents,
                  mrrCents: op.mrrCents,
                  iat: op.stale ? clock - 100 : clock,
                  company: op.company === null ? null : { id: `co${op.company}`, name: null },
                }
                await store.people.remember('p1', facts, NOW)
                if (!op.stale) latest[op.person] = facts
                break
              }
              case 'stripe': {
                // One subscription per account, each event newer than the last: it sets the
                // account's MRR and whether it is at risk, as the webhook's handler would.
                clock += 1
                const named =
                  'company' in op.account
                    ? { company: `co${op.account.company}`, sub: null }
                    : { company: null, sub: `u${op.account.person}` }
                await store.stripe.applySubscription(
                  'p1',
                  {
                    subscriptionId: `sub_${named.company ?? named.sub}`,
                    customerId: null,
                    named,
                    status: op.atRisk ? 'past_due' : 'active',
                    cancelAtPeriodEnd: false,
                    atRisk: op.atRisk,
                    mrrCents: op.mrrCents,
                    created: clock,
                  },
                  NOW,
                )
                break
              }
            }
          }
          await expectCountersEqualRecount(store.db, 'p1')
        },
      ),
      { numRuns: 30 },
    )
  }, 400_000)
})
