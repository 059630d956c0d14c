import type { Store } from '../../src/server/store'
import type { BacklogSort } from '../../src/shared/api'
import { onEachEngine } from './each-engine'
import { seededAdminApp } from './seeded-admin-app'
import { percentile } from './stats'

const SIZE = { requests: 10_000, people: 50_000, votesPerPerson: 20 }
const QUERIES_PER_SORT = 100

async function measureBackend(name: string, store: Store) {
  const { seedSeconds, adminGet } = await seededAdminApp(store, SIZE)
  const rows = []
  for (const sort of ['revenue', 'votes', 'new'] satisfies BacklogSort[]) {
    const timings: number[] = []
    for (let i = 0; i < QUERIES_PER_SORT + 5; i++) {
      const started = performance.now()
      const res = await adminGet(`/backlog?sort=${sort}`)
      if (res.status !== 200) throw new Error(`backlog answered ${res.status}`)
      await res.arrayBuffer()
      if (i >= 5) timings.push(performance.now() - started) // the first few warm caches up
    }
    timings.sort((a, b) => a - b)
    rows.push({
      database: name,
      sort,
      'seed s': seedSeconds.toFixed(1),
      'p50 ms': percentile(timings, 50).toFixed(1),
      'p99 ms': percentile(timings, 99).toFixed(1),
    })
  }
  return rows
}

export async function benchServerBacklog(): Promise<void> {
  const rows = (
    await onEachEngine('backlog', measureBackend, {
      // Seeding a million votes is one long statement; the reads are timed as they are.
      statementTimeoutMs: 0,
    })
  ).flat()
  console.log(
    `\n## Admin backlog: ${SIZE.requests} requests, ${SIZE.people * SIZE.votesPerPerson} votes from ${SIZE.people} people (${QUERIES_PER_SORT} queries per sort, top 100 with voters)`,
  )
  console.table(rows)
}
