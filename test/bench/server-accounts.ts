import { pathToFileURL } from 'node:url'
import type { PersonFacts, Store } from '../../src/server/store'
import { bulkSeedProject } from '../../src/server/store/bulk-seed'
import { onEachEngine } from './each-engine'
import { seededAdminApp } from './seeded-admin-app'
import { percentile } from './stats'

// REQIO_BENCH_SCALE=0.1 runs a tenth of the size (companies stay a multiple of 100).
const SCALE = Number(process.env.REQIO_BENCH_SCALE ?? 1)
const SIZE = {
  requests: Math.round(10_000 * SCALE),
  people: Math.round(50_000 * SCALE),
  votesPerPerson: 20,
  companies: Math.max(100, Math.round(50 * SCALE) * 100),
}
const BACKLOG_QUERIES = 100
const VOTES_MEASURED = 2_000
const COMPANY_QUERIES = 20

/** What seeded person `n` sends in a token: the company and plan bulkSeedProject gave them. */
function seededFacts(n: number, iat: number): PersonFacts & { company: unknown } {
  const mrr = (n % 100) * 100
  return {
    sub: `user-${n}`,
    email: `user${n}@example.com`,
    plan: 'pro',
    interval: 'month',
    amountCents: mrr,
    mrrCents: mrr,
    iat,
    company: { id: `company-${n % SIZE.companies}`, name: null },
  }
}

async function measureBackend(name: string, store: Store) {
  const { projectId, seedSeconds, adminGet } = await seededAdminApp(store, SIZE)
  const timings: number[] = []
  for (let i = 0; i < BACKLOG_QUERIES + 5; i++) {
    const started = performance.now()
    const res = await adminGet('/backlog?sort=revenue')
    if (res.status !== 200) throw new Error(`backlog answered ${res.status}`)
    await res.arrayBuffer()
    if (i >= 5) timings.push(performance.now() - started)
  }
  timings.sort((a, b) => a - b)
  const companiesMs: Record<string, number> = {}
  for (const sort of ['mrr', 'requests']) {
    const samples: number[] = []
    for (let i = 0; i < COMPANY_QUERIES + 2; i++) {
      const started = performance.now()
      const res = await adminGet(`/companies?sort=${sort}`)
      // Before this change there is no such endpoint: the column stays empty.
      if (res.status !== 200) break
      await res.arrayBuffer()
      if (i >= 2) samples.push(performance.now() - started)
    }
    companiesMs[sort] = percentile(
      samples.sort((a, b) => a - b),
      50,
    )
  }

  // Person n already voted for 20 requests spread by a stride; request (n * 13 % requests) + 1
  // is one they most likely have not, so nearly every cast inserts a vote.
  const iat = Math.floor(Date.now() / 1000)
  const votesStarted = performance.now()
  for (let i = 0; i < VOTES_MEASURED; i++) {
    const n = 1 + ((i * 7919) % SIZE.people)
    const facts = seededFacts(n, iat)
    const requestId = `${projectId}-seed-${((n * 13 + i) % SIZE.requests) + 1}`
    await store.votes.cast(projectId, requestId, { voter: `s:${facts.sub}`, person: facts }, iat)
  }
  const votesPerSecond = VOTES_MEASURED / ((performance.now() - votesStarted) / 1000)
  return {
    database: name,
    'seed s': seedSeconds.toFixed(1),
    'revenue p50 ms': percentile(timings, 50).toFixed(1),
    'revenue p99 ms': percentile(timings, 99).toFixed(1),
    'votes/s': votesPerSecond.toFixed(0),
    'companies by MRR p50 ms': (companiesMs.mrr ?? Number.NaN).toFixed(1),
    'companies by requests p50 ms': (companiesMs.requests ?? Number.NaN).toFixed(1),
  }
}

export async function benchServerAccounts(): Promise<void> {
  const rows = await onEachEngine('accounts', measureBackend)
  console.log(
    `\n## Revenue per account: ${SIZE.requests} requests, ${SIZE.people * SIZE.votesPerPerson} votes from ${SIZE.people} people in ${SIZE.companies} companies (${BACKLOG_QUERIES} revenue-sorted backlogs, ${VOTES_MEASURED} identified votes one after another)`,
  )
  console.table(rows)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchServerAccounts()
