// Feedback on a customer's behalf (issue 28): throughput of the admin API's on-behalf writes over
// real HTTP on 127.0.0.1, on the embedded database (on disk) and, when DATABASE_URL is set, on
// PostgreSQL. One "pair" is what a sales tool sends after a call: POST .../requests filed for
// one customer (with traits and company, so their facts are recorded), then POST
// .../requests/{rid}/votes for a colleague at another account. Pairs run CONCURRENCY at a time;
// every call is a real change (a new request, a new voter on it). The same pairs sent by the
// customers themselves (public API, their widget tokens, verified once beforehand) are the
// baseline on the same server: their ratio holds on a busy machine, the absolute rates less so.
//
//   npx tsx test/bench/on-behalf.ts            (DATABASE_URL=postgres://… adds PostgreSQL)
import { audienceFor } from '../../src/shared/identity'
import type { TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'
import { onEachServer } from './each-engine'
import { percentile } from './stats'

const PAIRS = 400
const WARM_UP_PAIRS = 20
const CONCURRENCY = 8
const PEOPLE = 97
const COMPANIES = 13

function customer(i: number) {
  const n = i % PEOPLE
  return {
    sub: `crm-${n}`,
    email: `customer-${n}@example.com`,
    name: `Customer ${n}`,
    traits: { plan: 'business', amount: 10_000 + n * 100, interval: 'month' as const },
    company: { id: `company-${n % COMPANIES}`, name: `Company ${n % COMPANIES}` },
  }
}

/** How a pair's call goes out: with the admin token, or with customer i's own token. */
type Send = (path: string, body: unknown, i: number) => Promise<Response>
/** One pair, its calls' durations added to `timings`. */
type Pair = (i: number, timings: number[]) => Promise<void>

async function post(send: Send, path: string, body: unknown, i: number, timings: number[]) {
  const started = performance.now()
  const res = await send(path, body, i)
  const text = await res.text()
  timings.push(performance.now() - started)
  if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${text}`)
  return JSON.parse(text) as { request: { id: string } }
}

/** Filed and voted by the team on the customers' behalf. */
function onBehalfPair(server: TestServer, projectId: string): Pair {
  const base = `/v1/admin/projects/${projectId}`
  const send: Send = (path, body) =>
    server.adminFetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  return async (i, timings) => {
    const filed = { title: `Asked on call ${i}`, onBehalfOf: customer(i) }
    const { request } = await post(send, '/requests', filed, i, timings)
    const vote = { onBehalfOf: customer(i + 1) }
    await post(send, `/requests/${request.id}/votes`, vote, i + 1, timings)
  }
}

/** The baseline: the same customers filing and voting from their widgets. */
async function ownPair(server: TestServer, projectId: string, secret: string): Promise<Pair> {
  const tokens = await Promise.all(
    Array.from({ length: PEOPLE }, (_, n) =>
      mintToken(secret, { ...customer(n), aud: audienceFor(projectId) }),
    ),
  )
  const base = `${server.url}/v1/projects/${projectId}`
  // Each token verified once, as a widget's first call does.
  for (const token of tokens) {
    const res = await fetch(`${base}/requests?sort=new`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    await res.arrayBuffer()
  }
  const send: Send = (path, body, i) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${tokens[i % PEOPLE]}`,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  return async (i, timings) => {
    const { request } = await post(send, '/requests', { title: `Asked myself ${i}` }, i, timings)
    await post(send, `/requests/${request.id}/vote`, undefined, i + 1, timings)
  }
}

async function run(engine: string, calls: string, pair: Pair) {
  for (let i = 0; i < WARM_UP_PAIRS; i++) await pair(PAIRS + i, [])
  const timings: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < PAIRS) await pair(next++, timings)
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const sorted = [...timings].sort((a, b) => a - b)
  return {
    engine,
    calls,
    'pairs/s': Math.round(PAIRS / seconds),
    'requests/s (HTTP calls)': Math.round(timings.length / seconds),
    'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
    'p99 ms': Number(percentile(sorted, 99).toFixed(1)),
  }
}

async function measure(engine: string, server: TestServer) {
  const onBehalf = await server.createProject('On-behalf bench')
  const own = await server.createProject('Own feedback bench')
  return [
    await run(engine, 'on behalf (admin API)', onBehalfPair(server, onBehalf.project.id)),
    await run(
      engine,
      'their own (widget tokens)',
      await ownPair(server, own.project.id, own.secret),
    ),
  ]
}

export async function benchOnBehalf(): Promise<void> {
  const rows = (await onEachServer('on_behalf', measure)).flat()
  console.log(
    `\nOn a customer's behalf: ${PAIRS} pairs (a request for one customer + a vote by another), ${CONCURRENCY} at a time, over HTTP on 127.0.0.1`,
  )
  console.table(rows)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOnBehalf()
