// The revenue ledger (issue 31): from a signed Stripe event to a backlog that shows it, over real
// HTTP on 127.0.0.1, on the embedded database (on disk) and, when DATABASE_URL is set, on
// PostgreSQL. COMPANIES companies (PEOPLE_PER_COMPANY people each) vote on REQUESTS requests,
// each company on VOTES_PER_COMPANY of them; then EVENTS customer.subscription.updated events,
// signed by the `stripe` package, each change one company's MRR. The webhook answers once the
// company and every request it counts for have moved (same transaction), so "event → backlog
// updated" is the POST's time, and "event + backlog read" adds the dashboard's next backlog call.
// At the end the backlog's revenue must equal the sums worked out here.
//
//   npx tsx test/bench/stripe-event.ts            (DATABASE_URL=postgres://… adds PostgreSQL)
import type { BacklogRequest } from '../../src/shared/api'
import { audienceFor } from '../../src/shared/identity'
import type { TestServer } from '../helpers/start-server'
import { postStripeEvent, subscriptionEvent } from '../helpers/stripe-events'
import { mintToken } from '../helpers/tokens'
import { onEachServer } from './each-engine'
import { percentile } from './stats'

const REQUESTS = 100
const COMPANIES = 40
const PEOPLE_PER_COMPANY = 2
const VOTES_PER_COMPANY = 25
const EVENTS = 300
const WARM_UP_EVENTS = 20
const WHSEC = 'whsec_benchStripeEvent0001'

async function seed(server: TestServer) {
  const { project, secret } = await server.createProject('Stripe event bench')
  const pid = project.id
  const patched = await server.adminFetch(`/v1/admin/projects/${pid}`, {
    method: 'PATCH',
    body: JSON.stringify({ settings: { stripe: { webhookSecret: WHSEC } } }),
  })
  if (patched.status !== 200) throw new Error(`settings: ${patched.status}`)
  const requestIds: string[] = []
  for (let r = 0; r < REQUESTS; r++) {
    const res = await fetch(`${server.url}/v1/projects/${pid}/requests`, {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': 'anon-bench-author', 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: `Request ${r}` }),
    })
    requestIds.push(((await res.json()) as { request: { id: string } }).request.id)
  }
  // Company c votes on requests c, c+1, … (mod REQUESTS): each request has several companies.
  const votedBy = new Map<string, number[]>()
  const votes: (() => Promise<void>)[] = []
  for (let c = 0; c < COMPANIES; c++) {
    for (let p = 0; p < PEOPLE_PER_COMPANY; p++) {
      const token = await mintToken(secret, {
        sub: `bench-${c}-${p}`,
        aud: audienceFor(pid),
        traits: { plan: 'pro', amount: 1000, interval: 'month' },
        company: { id: `company-${c}`, name: `Company ${c}` },
      })
      for (let k = 0; k < VOTES_PER_COMPANY; k++) {
        const requestId = requestIds[(c * 3 + k) % REQUESTS] as string
        if (p === 0) votedBy.set(requestId, [...(votedBy.get(requestId) ?? []), c])
        votes.push(async () => {
          const res = await fetch(`${server.url}/v1/projects/${pid}/requests/${requestId}/vote`, {
            method: 'POST',
            headers: { 'X-Reqio-Anonymous-Id': `anon-${c}-${p}`, Authorization: `Bearer ${token}` },
          })
          if (res.status !== 200) throw new Error(`vote: ${res.status} ${await res.text()}`)
        })
      }
    }
  }
  let next = 0
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < votes.length) await (votes[next++] as () => Promise<void>)()
    }),
  )
  return { pid, votedBy }
}

async function measure(engine: string, server: TestServer) {
  const { pid, votedBy } = await seed(server)
  const mrrOf = new Map<number, number>()
  const backlogUrl = `/v1/admin/projects/${pid}/backlog?sort=revenue&limit=100`
  const send = async (i: number) => {
    const company = i % COMPANIES
    const amount = 1000 + ((i * 7919) % 50_000)
    const event = subscriptionEvent('updated', 1_765_000_000 + i, {
      id: `sub_${company}`,
      metadata: { reqio_company: `company-${company}` },
      items: [{ unitAmount: amount, interval: 'month' }],
    })
    const res = await postStripeEvent(server.url, pid, event, WHSEC)
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`stripe event: ${res.status}`)
    mrrOf.set(company, amount)
  }
  for (let i = 0; i < WARM_UP_EVENTS; i++) await send(i)
  const applied: number[] = []
  const withRead: number[] = []
  for (let i = WARM_UP_EVENTS; i < WARM_UP_EVENTS + EVENTS; i++) {
    const started = performance.now()
    await send(i)
    applied.push(performance.now() - started)
    await (await server.adminFetch(backlogUrl)).arrayBuffer()
    withRead.push(performance.now() - started)
  }
  // The backlog must say what the events said: each request the sum of its companies' MRR.
  const backlog = (await (await server.adminFetch(backlogUrl)).json()) as {
    requests: BacklogRequest[]
  }
  for (const request of backlog.requests) {
    const expected = (votedBy.get(request.id) ?? []).reduce(
      (sum, company) => sum + (mrrOf.get(company) ?? 1000),
      0,
    )
    if (request.mrrCents !== expected)
      throw new Error(`${request.id}: backlog says ${request.mrrCents}, the events ${expected}`)
  }
  const row = (calls: string, timings: number[]) => {
    const sorted = [...timings].sort((a, b) => a - b)
    return {
      engine,
      measured: calls,
      'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
      'p99 ms': Number(percentile(sorted, 99).toFixed(1)),
      'max ms': Number((sorted.at(-1) ?? 0).toFixed(1)),
    }
  }
  return [
    row('event → backlog updated (POST answered)', applied),
    row('event + next backlog read', withRead),
  ]
}

export async function benchStripeEvent(): Promise<void> {
  const rows = (await onEachServer('stripe_event', measure)).flat()
  console.log(
    `\nStripe event → backlog: ${EVENTS} signed customer.subscription.updated events, one at a time, each moving one of ${COMPANIES} companies (each counted on ${VOTES_PER_COMPANY} of ${REQUESTS} requests), over HTTP on 127.0.0.1`,
  )
  console.table(rows)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStripeEvent()
