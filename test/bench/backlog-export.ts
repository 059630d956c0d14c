// The backlog CSV export a viewer can ask for (issue 24 item 11), over a backlog a spammer could
// have filled: 30,000 requests with 5 KB bodies and 100,000 votes. One export through the real
// app: time, rows and bytes answered, and the process's peak RSS growth while it ran.
// Embedded database always; PostgreSQL too when DATABASE_URL is set.
//   npx tsx test/bench/backlog-export.ts        (also a section of `npm run bench`)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../src/server/app'
import { systemClock } from '../../src/server/clock'
import { readServerConfig } from '../../src/server/config'
import { generateSecret } from '../../src/server/identity/secrets'
import { silentLogger } from '../../src/server/logger'
import { openStore, type Store } from '../../src/server/store'
import { bulkSeedProject } from '../../src/server/store/bulk-seed'

const SIZE = { requests: 30_000, people: 5_000, votesPerPerson: 20 }
const BODY_CHARACTERS = 5_000
const ADMIN_TOKEN = 'bench-admin-token-that-is-long-enough'

async function measureBackend(name: string, store: Store) {
  const projectId = `export-${Date.now().toString(36)}`
  await store.projects.create({ id: projectId, name: 'Export', secret: generateSecret(), now: 0 })
  const seedStarted = performance.now()
  await bulkSeedProject(store.db, projectId, SIZE)
  await store.db.query(`UPDATE requests SET body = repeat('x', $2::int) WHERE project_id = $1`, [
    projectId,
    BODY_CHARACTERS,
  ])
  console.log(`  ${name}: seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`)
  const app = createApp({
    store,
    config: { ...readServerConfig({}), demo: false, adminToken: ADMIN_TOKEN },
    clock: systemClock,
    logger: silentLogger,
  })
  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  let rssPeak = rssBefore
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
  }, 5)
  const started = performance.now()
  const res = await app.request(`/v1/admin/projects/${projectId}/backlog.csv?sort=revenue`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  })
  const text = await res.text()
  const ms = performance.now() - started
  clearInterval(sampler)
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
  if (res.status !== 200)
    throw new Error(`the export answered ${res.status}: ${text.slice(0, 200)}`)
  return {
    database: name,
    'rows written': text.split('\r\n').length - 2,
    truncated: res.headers.get('reqio-export-truncated') ?? 'no',
    'MB answered': (Buffer.byteLength(text) / 1e6).toFixed(1),
    ms: ms.toFixed(0),
    'RSS growth MB': ((rssPeak - rssBefore) / 1e6).toFixed(0),
  }
}

export async function benchBacklogExport(): Promise<void> {
  const rows = []
  const dataDir = mkdtempSync(join(tmpdir(), 'reqio-bench-export-'))
  const embedded = await openStore({ dataDir })
  try {
    rows.push(await measureBackend('embedded (PGlite, on disk)', embedded))
    console.log(`  ${JSON.stringify(rows[0])}`)
  } finally {
    await embedded.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  if (process.env.DATABASE_URL) {
    const pg = await openStore({
      databaseUrl: process.env.DATABASE_URL,
      pgSchema: `bench_export_${process.pid}`,
      dropSchemaOnClose: true,
      // The seed is one long statement on a busy machine; the export is timed as it is.
      statementTimeoutMs: 0,
    })
    try {
      rows.push(await measureBackend('PostgreSQL (DATABASE_URL)', pg))
    } finally {
      await pg.close()
    }
  }
  console.log(
    `\n## Backlog CSV export: ${SIZE.requests} requests of ${BODY_CHARACTERS / 1000} KB, ${SIZE.people * SIZE.votesPerPerson} votes, one export`,
  )
  console.table(rows)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBacklogExport()
