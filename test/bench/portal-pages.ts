// The portal's pages at scale (issue 27): a board of 1,000 requests, each with 50 comments,
// through the real app (routing, caches, SQL, server rendering) without a socket. p50/p99 of
// server time for the board and a request page, as a first-time visitor (the page everyone
// sees, kept whole) and as a visitor with votes of their own (rendered for them each time),
// and the HTML's bytes raw and gzip. Embedded database always; PostgreSQL too with DATABASE_URL.
//   npx tsx test/bench/portal-pages.ts
import { gzipSync } from 'node:zlib'
import { createApp } from '../../src/server/app'
import { systemClock } from '../../src/server/clock'
import { readServerConfig } from '../../src/server/config'
import { generateSecret } from '../../src/server/identity/secrets'
import { silentLogger } from '../../src/server/logger'
import type { Store } from '../../src/server/store'
import { bulkSeedProject } from '../../src/server/store/bulk-seed'
import { onEachEngine } from './each-engine'
import { percentile } from './stats'

const SIZE = { requests: 1_000, people: 2_000, votesPerPerson: 5 }
const COMMENTS_PER_REQUEST = 50
const READS = 200
const WARM_UP = 5
const VISITOR_COOKIE = 'reqio_portal_visitor=bench-visitor-0001'

async function seedComments(store: Store, projectId: string): Promise<void> {
  await store.db.query(
    `INSERT INTO comments (id, project_id, request_id, body, kind, author_voter, created_at)
     SELECT 'c_' || r.id || '_' || g, $1, r.id,
            'A comment of a realistic length, saying why this matters to one customer: ' || g,
            'visitor', 'a:bench' || (g % 7), now() - (g * interval '1 minute')
       FROM requests r CROSS JOIN generate_series(1, $2::int) g
      WHERE r.project_id = $1`,
    [projectId, COMMENTS_PER_REQUEST],
  )
  await store.db.query('UPDATE requests SET comment_count = $2 WHERE project_id = $1', [
    projectId,
    COMMENTS_PER_REQUEST,
  ])
  // The visitor of the "own votes" rows voted for a few requests.
  await store.db.query(
    `INSERT INTO votes (request_id, voter, project_id, created_at, voter_mrr_cents, account)
     SELECT $1 || '-seed-' || g, 'a:bench-visitor-0001', $1, now(), 0, 'v:bench-visitor-0001'
       FROM generate_series(1, 5) g ON CONFLICT DO NOTHING`,
    [projectId],
  )
}

async function measureBackend(name: string, store: Store) {
  const projectId = `bench-${Date.now().toString(36)}`
  await store.projects.create({
    id: projectId,
    name: 'Bench',
    secret: generateSecret(),
    now: Date.now(),
  })
  await bulkSeedProject(store.db, projectId, SIZE)
  await seedComments(store, projectId)
  const app = createApp({
    store,
    config: {
      ...readServerConfig({}),
      demo: false,
      adminToken: 'bench-admin-token',
      ipReadsPerMinute: 1e9,
    },
    clock: systemClock,
    logger: silentLogger,
  })
  const requestPath = `/p/${projectId}/requests/${projectId}-seed-500`
  const cases = [
    ['board, first visit (cached page)', `/p/${projectId}`, {}],
    ['board, own votes (rendered)', `/p/${projectId}`, { Cookie: VISITOR_COOKIE }],
    ['request, first visit (cached page)', requestPath, {}],
    ['request, own votes (rendered)', requestPath, { Cookie: VISITOR_COOKIE }],
    ['roadmap, first visit', `/p/${projectId}/roadmap`, {}],
    ['sitemap.xml', `/p/${projectId}/sitemap.xml`, {}],
  ] as const
  const rows = []
  for (const [what, path, headers] of cases) {
    const timings: number[] = []
    let body = ''
    for (let i = 0; i < READS + WARM_UP; i++) {
      const started = performance.now()
      const res = await app.request(path, { headers: { Host: 'reqio.example.com', ...headers } })
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
      body = await res.text()
      if (i >= WARM_UP) timings.push(performance.now() - started)
    }
    timings.sort((a, b) => a - b)
    const bytes = Buffer.byteLength(body)
    rows.push({
      database: name,
      page: what,
      'p50 ms': percentile(timings, 50).toFixed(2),
      'p99 ms': percentile(timings, 99).toFixed(2),
      'KB raw': (bytes / 1024).toFixed(1),
      'KB gzip': (gzipSync(body).length / 1024).toFixed(1),
    })
  }
  return rows
}

export async function benchPortalPages(): Promise<void> {
  const rows = (await onEachEngine('portal', measureBackend)).flat()
  console.log(
    `\n## Portal pages: ${SIZE.requests} requests × ${COMMENTS_PER_REQUEST} comments (${READS} reads each, in-process; the board shows the top 100)`,
  )
  console.table(rows)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPortalPages()
