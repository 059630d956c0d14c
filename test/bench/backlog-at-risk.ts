import { pathToFileURL } from 'node:url'
import { openStore } from '../../src/server/store'
import { POSTGRES_LABEL } from './each-engine'
import { seededAdminApp } from './seeded-admin-app'
import { percentile } from './stats'

/** Company k is at risk when k % AT_RISK_EVERY is 19: one in twenty, MRR from 1,900 to 9,900. */
const AT_RISK_EVERY = 20
// REQIO_BENCH_SCALE=0.1 runs a tenth of the size (companies stay a multiple of 100).
const SCALE = Number(process.env.REQIO_BENCH_SCALE ?? 1)
const SIZE = {
  requests: Math.round(10_000 * SCALE),
  people: Math.round(50_000 * SCALE),
  votesPerPerson: 20,
  companies: Math.max(100, Math.round(100 * SCALE) * 100),
  // What Stripe's webhook leaves behind for past_due or cancelling subscriptions.
  atRiskEvery: AT_RISK_EVERY,
}
const QUERIES = 100

const CASES: { label: string; query: string }[] = [
  { label: 'sort=revenue', query: 'sort=revenue' },
  { label: 'sort=votes', query: 'sort=votes' },
  { label: 'sort=new', query: 'sort=new' },
  { label: 'sort=at_risk', query: 'sort=at_risk' },
  { label: 'sort=revenue&atRisk=true', query: 'sort=revenue&atRisk=true' },
  { label: 'sort=at_risk&atRisk=true', query: 'sort=at_risk&atRisk=true' },
]

export async function benchBacklogAtRisk(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    console.log('\n## Revenue at risk: skipped (set DATABASE_URL to a PostgreSQL to run it)')
    return
  }
  const store = await openStore({
    databaseUrl,
    pgSchema: `bench_at_risk_${process.pid}`,
    dropSchemaOnClose: true,
    // Seeding a million votes takes longer than a request may.
    statementTimeoutMs: 0,
  })
  try {
    const { projectId, seedSeconds, adminGet } = await seededAdminApp(store, SIZE)
    const get = async (path: string) => {
      const res = await adminGet(path)
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
      return res.json() as Promise<{
        requests: { id: string; atRiskMrrCents: number }[]
        nextCursor: string | null
      }>
    }
    const measure = async (label: string, path: string) => {
      const timings: number[] = []
      for (let i = 0; i < QUERIES + 5; i++) {
        const started = performance.now()
        await get(path)
        if (i >= 5) timings.push(performance.now() - started) // the first few warm caches up
      }
      timings.sort((a, b) => a - b)
      return {
        query: label,
        'p50 ms': percentile(timings, 50).toFixed(1),
        'p99 ms': percentile(timings, 99).toFixed(1),
      }
    }

    // Every case once over untimed first: the first case measured would otherwise pay for the
    // process's first queries (compiling, planning, reading the freshly seeded pages).
    for (let round = 0; round < 10; round++)
      for (const { query } of CASES) await get(`/backlog?${query}`)
    const rows = []
    for (const { label, query } of CASES) rows.push(await measure(label, `/backlog?${query}`))
    const first = await get('/backlog?sort=at_risk')
    rows.push(
      await measure('sort=at_risk, page 2', `/backlog?sort=at_risk&cursor=${first.nextCursor}`),
    )
    const top = first.requests[0]
    if (top) rows.push(await measure('request detail (at-risk accounts)', `/requests/${top.id}`))
    const atRiskRequests = await store.db.query<{ n: string }>(
      `SELECT count(DISTINCT ra.request_id) AS n FROM request_accounts ra
         JOIN companies c ON ra.account = 'c:' || c.id
        WHERE c.project_id = $1 AND c.at_risk`,
      [projectId],
    )
    console.log(
      `\n## Revenue at risk (${POSTGRES_LABEL}): ${SIZE.requests} requests, ${SIZE.people * SIZE.votesPerPerson} votes from ${SIZE.people} people in ${SIZE.companies} companies, 1 in ${AT_RISK_EVERY} at risk (${atRiskRequests[0]?.n} requests with an at-risk voter; top at risk ${top?.atRiskMrrCents} cents); seeded in ${seedSeconds.toFixed(1)} s; ${QUERIES} queries each, top 100 with voters`,
    )
    console.table(rows)
  } finally {
    await store.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchBacklogAtRisk()
