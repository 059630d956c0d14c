// The revenue ledger (spec/api.md v3 "The revenue ledger") over real HTTP on both engines: events
// signed by the `stripe` package, MRR per month from every interval, statuses, out-of-order
// events, metadata through the customer, token traits ignored for Stripe accounts only, the
// backlog moved at once, and each company's MRR history.
import { describe, expect, it } from 'vitest'
import { ADMIN_ROUTE_DOCS } from '../../../../src/server/openapi/routes/admin-index'
import type {
  BacklogRequest,
  CompanyListResponse,
  CompanyMrrHistoryResponse,
  CompanySummary,
  PeopleListResponse,
  StripeSettingsView,
} from '../../../../src/shared/api'
import { audienceFor } from '../../../../src/shared/identity'
import { storeBackends } from '../../../helpers/backends'
import { serverWithFreshProject } from '../../../helpers/fresh-project'
import { routeDocAnswers } from '../../../helpers/route-doc-answers'
import type { TestServer } from '../../../helpers/start-server'
import {
  customerEvent,
  postStripeEvent,
  type SubscriptionFields,
  stripeEvent,
  stripeSignature,
  subscriptionEvent,
} from '../../../helpers/stripe-events'
import { mintToken } from '../../../helpers/tokens'

const WHSEC = 'whsec_ledgerTestSecret0001'
/** Stripe's `created` of the first event of each test; later ones add seconds. */
const T0 = 1_765_000_000
const answers = routeDocAnswers(ADMIN_ROUTE_DOCS)

describe.each(storeBackends())('the revenue ledger on $name', (backend) => {
  let server: TestServer
  let projectId: string
  let secret: string
  serverWithFreshProject({ databaseUrl: backend.databaseUrl }, 'Ledger', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })
  const admin = (rest = '', init?: RequestInit) =>
    server.adminFetch(`/v1/admin/projects/${projectId}${rest}`, init)

  async function setUpStripe() {
    const res = await admin('', {
      method: 'PATCH',
      body: JSON.stringify({ settings: { stripe: { webhookSecret: WHSEC } } }),
    })
    expect(res.status).toBe(200)
    return res
  }
  async function send(event: unknown, signature?: string | null) {
    return postStripeEvent(server.url, projectId, event, WHSEC, signature)
  }
  async function subscription(
    type: 'created' | 'updated' | 'deleted',
    created: number,
    fields: SubscriptionFields,
  ) {
    const res = await send(subscriptionEvent(type, created, fields))
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
  /** A vote by `sub` with a token whose traits say `amount` a month (and `company` when given). */
  async function vote(requestId: string, sub: string, amount: number, company?: string) {
    const token = await mintToken(secret, {
      sub,
      aud: audienceFor(projectId),
      traits: { plan: 'pro', amount, interval: 'month' },
      ...(company ? { company: { id: company, name: company.toUpperCase() } } : {}),
    })
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': `anon-${sub}`, Authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(200)
  }
  async function backlog(): Promise<BacklogRequest[]> {
    const res = await admin('/backlog?sort=revenue')
    return (
      (await answers.json(res, 'get', '/v1/admin/projects/{id}/backlog', 200)) as {
        requests: BacklogRequest[]
      }
    ).requests
  }
  async function companies(): Promise<Record<string, CompanySummary>> {
    const res = await admin('/companies')
    const body = (await answers.json(
      res,
      'get',
      '/v1/admin/projects/{id}/companies',
      200,
    )) as CompanyListResponse
    return Object.fromEntries(body.companies.map((company) => [company.id, company]))
  }
  async function stripeView(): Promise<StripeSettingsView> {
    const res = await admin('/stripe')
    return (await answers.json(res, 'get', '/v1/admin/projects/{id}/stripe', 200)).stripe
  }
  async function history(company: string): Promise<CompanyMrrHistoryResponse['changes']> {
    const res = await admin(`/companies/${company}/mrr-history`)
    const path = '/v1/admin/projects/{id}/companies/{cid}/mrr-history'
    return ((await answers.json(res, 'get', path, 200)) as CompanyMrrHistoryResponse).changes
  }
  const month = (unitAmount: number, quantity = 1) => ({
    unitAmount,
    quantity,
    interval: 'month' as const,
  })

  it('takes a write-only whsec_ secret and refuses a missing, wrong, stale or tampered signature with 400, changing nothing', async () => {
    const sso = await newRequest('SSO')
    await vote(sso, 'ann', 4900, 'acme')
    const event = subscriptionEvent('created', T0, {
      id: 'sub_acme',
      metadata: { reqio_company: 'acme' },
      items: [month(9900)],
    })
    expect((await send(event)).status).toBe(404)
    const wrongKind = await admin('', {
      method: 'PATCH',
      body: JSON.stringify({ settings: { stripe: { webhookSecret: 'sk_live_123456789' } } }),
    })
    expect(wrongKind.status).toBe(400)

    const saved = await setUpStripe()
    expect(await saved.text()).not.toContain(WHSEC)
    expect(await stripeView()).toEqual({
      webhookSecretSet: true,
      endpointUrl: `${server.url}/v1/integrations/stripe/${projectId}`,
      lastEvent: null,
    })
    for (const path of ['', '/audit', '/stripe'].map(
      (rest) => `/v1/admin/projects${rest ? `/${projectId}${rest}` : ''}`,
    ))
      expect(await (await server.adminFetch(path)).text()).not.toContain(WHSEC)

    const payload = JSON.stringify(event)
    const refusals = [
      await send(event, null),
      await send(event, stripeSignature(payload, 'whsec_someoneElsesSecret01')),
      await send(event, stripeSignature(payload, WHSEC, Math.floor(Date.now() / 1000) - 600)),
      await send(event, stripeSignature(payload.replace('9900', '99900'), WHSEC)),
      await send(event, 'garbage'),
    ]
    for (const refused of refusals) {
      expect(refused.status).toBe(400)
      expect((await refused.json()).error.code).toBe('validation_failed')
    }
    expect((await backlog())[0]?.mrrCents).toBe(4900)
    expect((await companies()).acme).toMatchObject({ mrrCents: 4900, mrrSource: 'token' })
    expect((await stripeView()).lastEvent).toBeNull()
    const [rows] = await server.store.db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM stripe_subscriptions)::int AS n',
    )
    expect(rows?.n).toBe(0)

    expect((await send(event)).status).toBe(200)
    expect((await backlog())[0]?.mrrCents).toBe(9900)
    // A type Reqio does not read: 200, noted as the last event, nothing else.
    const invoice = stripeEvent('invoice.paid', T0 + 5, { id: 'in_1', object: 'invoice' })
    expect((await send(invoice)).status).toBe(200)
    expect((await stripeView()).lastEvent).toEqual({
      type: 'invoice.paid',
      receivedAt: expect.any(String),
    })
    expect((await backlog())[0]?.mrrCents).toBe(9900)
  })

  it('works out MRR per month from every interval and quantity, rounding once, at the end', async () => {
    await setUpStripe()
    const sso = await newRequest('SSO')
    const cases: [string, SubscriptionFields['items'], number][] = [
      ['monthly', [month(4900)], 4900],
      ['seats', [month(1000, 3)], 3000],
      ['yearly', [{ unitAmount: 100_000, interval: 'year' }], 8333],
      ['weekly', [{ unitAmount: 1000, interval: 'week' }], 4333],
      ['daily', [{ unitAmount: 100, interval: 'day' }], 3042],
      [
        'quarterly',
        [{ unitAmount: 30_000, quantity: 2, interval: 'month', intervalCount: 3 }],
        20_000,
      ],
      // 83.25 + 83.25 = 166.5 → 167 (rounding each item first would give 166).
      [
        'two-items',
        [
          { unitAmount: 999, interval: 'year' },
          { unitAmount: 999, interval: 'year' },
        ],
        167,
      ],
    ]
    for (const [company] of cases) await vote(sso, `${company}-person`, 1, company)
    for (const [company, items] of cases)
      await subscription('created', T0, {
        id: `sub_${company}`,
        metadata: { reqio_company: company },
        items,
      })

    const byId = await companies()
    for (const [company, , expected] of cases)
      expect(byId[company], company).toMatchObject({
        mrrCents: expected,
        mrrSource: 'stripe',
        mrrAsOf: new Date(T0 * 1000).toISOString(),
        atRisk: false,
      })
    const total = cases.reduce((sum, [, , expected]) => sum + expected, 0)
    expect((await backlog())[0]).toMatchObject({ mrrCents: total, accounts: cases.length })
  })

  it('zeroes canceled, unpaid and incomplete_expired subscriptions and flags past_due and cancel-at-period-end ones at risk', async () => {
    await setUpStripe()
    const sso = await newRequest('SSO')
    await vote(sso, 'ann', 100, 'acme')
    const acme = (status: string, cancelAtPeriodEnd = false) => ({
      id: 'sub_acme',
      status,
      cancelAtPeriodEnd,
      metadata: { reqio_company: 'acme' },
      items: [month(9900)],
    })
    const steps: [string, boolean, number, boolean][] = [
      ['active', false, 9900, false],
      ['past_due', false, 9900, true],
      ['active', true, 9900, true],
      ['unpaid', false, 0, false],
      ['trialing', false, 9900, false],
      ['incomplete_expired', false, 0, false],
      ['active', false, 9900, false],
      ['canceled', false, 0, false],
    ]
    let created = T0
    for (const [status, cancelAtPeriodEnd, mrrCents, atRisk] of steps) {
      created += 10
      await subscription('updated', created, acme(status, cancelAtPeriodEnd))
      expect((await companies()).acme, status).toMatchObject({ mrrCents, atRisk })
      const [entry] = await backlog()
      expect(entry?.mrrCents, status).toBe(mrrCents)
      expect(entry?.voters[0]?.company, status).toMatchObject({ mrrSource: 'stripe', atRisk })
    }
    await subscription('updated', created + 10, acme('active', true))
    expect((await companies()).acme).toMatchObject({ mrrCents: 9900, atRisk: true })
    // Deleted: over, whatever status the payload says.
    await subscription('deleted', created + 20, acme('active'))
    expect((await companies()).acme).toMatchObject({ mrrCents: 0, atRisk: false })
  })

  it('sums an account’s subscriptions and ignores an event older than the last applied to its subscription', async () => {
    await setUpStripe()
    const sso = await newRequest('SSO')
    await vote(sso, 'ann', 100, 'acme')
    const acme = { reqio_company: 'acme' }
    await subscription('created', T0, { id: 'sub_a', metadata: acme, items: [month(4900)] })
    await subscription('created', T0, { id: 'sub_b', metadata: acme, items: [month(1000)] })
    expect((await companies()).acme?.mrrCents).toBe(5900)
    await subscription('updated', T0 + 20, { id: 'sub_a', metadata: acme, items: [month(9900)] })
    expect((await companies()).acme?.mrrCents).toBe(10_900)
    // Created before the one applied, delivered after it: 200, and nothing moves.
    await subscription('updated', T0 + 10, {
      id: 'sub_a',
      status: 'canceled',
      metadata: acme,
      items: [month(100)],
    })
    expect((await companies()).acme).toMatchObject({
      mrrCents: 10_900,
      mrrAsOf: new Date((T0 + 20) * 1000).toISOString(),
    })
    expect((await backlog())[0]?.mrrCents).toBe(10_900)
    // The other subscription still takes its own newer events.
    await subscription('deleted', T0 + 15, { id: 'sub_b', metadata: acme, items: [month(1000)] })
    expect((await companies()).acme?.mrrCents).toBe(9900)
  })

  it('names the account through the customer’s metadata, whichever of the two events comes first', async () => {
    await setUpStripe()
    const sso = await newRequest('SSO')
    await vote(sso, 'ann', 100, 'acme')
    await vote(sso, 'solo', 200)
    expect(
      (await send(customerEvent('created', T0, 'cus_acme', { reqio_company: 'acme' }))).status,
    ).toBe(200)
    await subscription('created', T0 + 1, {
      id: 'sub_1',
      customer: 'cus_acme',
      items: [month(4900)],
    })
    expect((await companies()).acme).toMatchObject({ mrrCents: 4900, mrrSource: 'stripe' })

    // The subscription first, naming nobody: remembered; the customer's metadata then names solo.
    await subscription('created', T0 + 2, {
      id: 'sub_2',
      customer: 'cus_solo',
      items: [month(1500)],
    })
    expect((await backlog())[0]?.mrrCents).toBe(4900 + 200)
    await send(customerEvent('created', T0 + 3, 'cus_solo', { reqio_sub: 'solo' }))
    expect((await backlog())[0]?.mrrCents).toBe(4900 + 1500)
    const people = (await (await admin('/people')).json()) as PeopleListResponse
    expect(people.people.find((person) => person.sub === 'solo')).toMatchObject({
      mrrCents: 1500,
      mrrSource: 'stripe',
      atRisk: false,
    })
    // The subscription's own metadata wins over its customer's.
    await subscription('updated', T0 + 4, {
      id: 'sub_1',
      customer: 'cus_acme',
      metadata: { reqio_sub: 'solo' },
      items: [month(4900)],
    })
    expect((await companies()).acme).toMatchObject({ mrrCents: 0, mrrSource: 'stripe' })
    expect((await backlog())[0]?.mrrCents).toBe(1500 + 4900)
  })

  it('keeps a Stripe account’s MRR whatever tokens say, while tokens still price every other account', async () => {
    await setUpStripe()
    const sso = await newRequest('SSO')
    await vote(sso, 'ann', 4900, 'acme')
    await vote(sso, 'bob', 900)
    await subscription('created', T0, {
      id: 'sub_acme',
      metadata: { reqio_company: 'acme' },
      items: [month(9900)],
    })
    await vote(sso, 'ann', 100_000, 'acme')
    await vote(sso, 'cat', 50_000, 'acme')
    await vote(sso, 'bob', 1900)
    expect((await companies()).acme).toMatchObject({ mrrCents: 9900, mrrSource: 'stripe' })
    const [entry] = await backlog()
    expect(entry?.mrrCents).toBe(9900 + 1900)
    expect(entry?.voters.find((voter) => voter.sub === 'bob')).toMatchObject({
      mrrCents: 1900,
      mrrSource: 'token',
      atRisk: false,
      company: null,
    })
  })

  it('gives an account Stripe named before Reqio saw it its Stripe MRR when it first appears', async () => {
    await setUpStripe()
    await subscription('created', T0, {
      id: 'sub_new',
      metadata: { reqio_company: 'newco' },
      items: [{ unitAmount: 120_000, interval: 'year' }],
    })
    await subscription('created', T0, {
      id: 'sub_dan',
      metadata: { reqio_sub: 'dan' },
      status: 'past_due',
      items: [month(700)],
    })
    const sso = await newRequest('SSO')
    await vote(sso, 'eve', 50, 'newco')
    await vote(sso, 'dan', 50)
    expect((await companies()).newco).toMatchObject({ mrrCents: 10_000, mrrSource: 'stripe' })
    const [entry] = await backlog()
    expect(entry?.mrrCents).toBe(10_000 + 700)
    expect(entry?.voters.find((voter) => voter.sub === 'dan')).toMatchObject({
      mrrCents: 700,
      mrrSource: 'stripe',
      atRisk: true,
    })
  })

  it('keeps every change of a company’s MRR with its source and time, newest first', async () => {
    await setUpStripe()
    const sso = await newRequest('SSO')
    await vote(sso, 'ann', 4900, 'acme')
    await vote(sso, 'ann', 9900, 'acme')
    await subscription('created', T0, {
      id: 'sub_acme',
      metadata: { reqio_company: 'acme' },
      items: [month(19_900)],
    })
    await vote(sso, 'ann', 1, 'acme')
    const changes = await history('acme')
    expect(
      changes.map(({ fromCents, toCents, source }) => ({ fromCents, toCents, source })),
    ).toEqual([
      { fromCents: 9900, toCents: 19_900, source: 'stripe' },
      { fromCents: 4900, toCents: 9900, source: 'token' },
      { fromCents: 0, toCents: 4900, source: 'token' },
    ])
    // When Reqio moved the account: now, whatever Stripe's `created` (that is its mrrAsOf).
    expect(Date.now() - Date.parse(changes[0]?.at ?? '')).toBeLessThan(60_000)
    const missing = await admin('/companies/nobody/mrr-history')
    expect(missing.status).toBe(404)
  })
})
