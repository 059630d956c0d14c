// Feedback on a customer's behalf (issue 28): throughput of the admin API's on-behalf writes over
// real HTTP on 127.0.0.1, on the embedded database (on disk) and, when DATABASE_URL is set, on
// PostgreSQL. One "pair" is what a sales tool sends after a call: POST .../requests filed for
// one customer (with traits and company, so their facts are recorded), then POST
// .../requests/{rid}/votes for a colleague at another account. Pairs run CONCURRENCY at a time;
// every call is a real change (a new request, a new voter on it).
//
//   npx tsx test/bench/on-behalf.ts            (DATABASE_URL=postgres://… adds PostgreSQL)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTestServer, type TestServer } from '../helpers/start-server'
import { EMBEDDED_LABEL, POSTGRES_LABEL } from './each-engine'
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
    traits: { plan: 'business', amount: 10_000 + n * 100, interval: 'month' },
    company: { id: `company-${n % COMPANIES}`, name: `Company ${n % COMPANIES}` },
  }
}

async function post(server: TestServer, path: string, body: unknown, timings: number[]) {
  const started = performance.now()
  const res = await server.adminFetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  timings.push(performance.now() - started)
  if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${text}`)
  return JSON.parse(text) as { request: { id: string } }
}

async function onePair(server: TestServer, projectId: string, i: number, timings: number[]) {
  const base = `/v1/admin/projects/${projectId}`
  const { request } = await post(
    server,
    `${base}/requests`,
    { title: `Asked on call ${i}`, onBehalfOf: customer(i) },
    timings,
  )
  await post(
    server,
    `${base}/requests/${request.id}/votes`,
    { onBehalfOf: customer(i + 1) },
    timings,
  )
}

async function measure(label: string, server: TestServer) {
  const { project } = await server.createProject('On-behalf bench')
  const timings: number[] = []
  for (let i = 0; i < WARM_UP_PAIRS; i++) await onePair(server, project.id, PAIRS + i, [])
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < PAIRS) await onePair(server, project.id, next++, timings)
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const sorted = [...timings].sort((a, b) => a - b)
  return {
    engine: label,
    'pairs/s': Math.round(PAIRS / seconds),
    'requests/s (HTTP calls)': Math.round(timings.length / seconds),
    'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
    'p99 ms': Number(percentile(sorted, 99).toFixed(1)),
  }
}

export async function benchOnBehalf(): Promise<void> {
  const rows = []
  const dataDir = mkdtempSync(join(tmpdir(), 'reqio-bench-on-behalf-'))
  const embedded = await startTestServer({ demo: false, dataDir })
  try {
    rows.push(await measure(EMBEDDED_LABEL, embedded))
  } finally {
    await embedded.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    const pg = await startTestServer({
      demo: false,
      databaseUrl,
      pgSchema: `bench_on_behalf_${process.pid}`,
      dropSchema: true,
    })
    try {
      rows.push(await measure(POSTGRES_LABEL, pg))
    } finally {
      await pg.close()
    }
  }
  console.log(
    `\nOn a customer's behalf: ${PAIRS} pairs (create a request for one customer + a vote for another), ${CONCURRENCY} at a time, over HTTP on 127.0.0.1`,
  )
  console.table(rows)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOnBehalf()
