// The admin backlog at scale: 10,000 requests, 1,000,000 votes from 50,000 people, sorted by
// revenue, votes and newest, through the real app (routing, auth, SQL, JSON) without a socket.
// Embedded database always; PostgreSQL too when DATABASE_URL is set.
import { createApp } from '../../src/server/app'
import { systemClock } from '../../src/server/clock'
import { readServerConfig } from '../../src/server/config'
import { generateSecret } from '../../src/server/identity/secrets'
import { silentLogger } from '../../src/server/logger'
import type { Store } from '../../src/server/store'
import { bulkSeedProject } from '../../src/server/store/bulk-seed'
import type { BacklogSort } from '../../src/shared/api'
import { onEachEngine } from './each-engine'
import { percentile } from './stats'

const SIZE = { requests: 10_000, people: 50_000, votesPerPerson: 20 }
const QUERIES_PER_SORT = 100
const ADMIN_TOKEN = 'bench-admin-token'

async function measureBackend(name: string, store: Store) {
  const projectId = `bench-${Date.now().toString(36)}`
  await store.projects.create({
    id: projectId,
    name: 'Bench',
    secret: generateSecret(),
    now: Date.now(),
  })
  const seedStarted = performance.now()
  await bulkSeedProject(store.db, projectId, SIZE)
  const seedSeconds = (performance.now() - seedStarted) / 1000

  const app = createApp({
    store,
    config: { ...readServerConfig({}), demo: false, adminToken: ADMIN_TOKEN },
    clock: systemClock,
    logger: silentLogger,
  })
  const rows = []
  for (const sort of ['revenue', 'votes', 'new'] satisfies BacklogSort[]) {
    const timings: number[] = []
    for (let i = 0; i < QUERIES_PER_SORT + 5; i++) {
      const started = performance.now()
      const res = await app.request(`/v1/admin/projects/${projectId}/backlog?sort=${sort}`, {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      })
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
