// "Hostile client": what one abusive client can still do (issue 11). Runs alone with
//   npx tsx test/bench/hostile-client.ts
// and as a section of `npm run bench`.
// 1. 1,000 fresh anonymous ids voting from one IP: how many votes count (must be <= 20).
// 2. 20,000 distinct searches that each match 30 requests of 3 KB: server RSS before/after.
// 3. A 16 KB If-None-Match on /widget.js: ms per request.
// 4. Search over 10,000 requests through the real app: p50/p99, on PGlite and on PostgreSQL
//    when DATABASE_URL is set.
// 5. Near-miss searches (issue 24): 3,150 requests of 5 KB that nearly match a 200-character
//    q, 4 clients searching in a loop; another project's GET …/widget p50/p99 meanwhile.
// 6. Comment threads of 2,000 and hostile changelog bodies (hostile-threads.ts).
// 7. Request spam (issue 24): 1,000 new requests from one IP through 20 anonymous ids: how many
//    are created (REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR, 60).
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { createApp } from '../../src/server/app'
import { systemClock } from '../../src/server/clock'
import { readServerConfig } from '../../src/server/config'
import { generateSecret } from '../../src/server/identity/secrets'
import { silentLogger } from '../../src/server/logger'
import { openStore, type Store } from '../../src/server/store'
import { benchHostileThreads } from './hostile-threads'
import { percentile } from './stats'

interface Attacked {
  url: string
  adminToken: string
  pid: number
  child: ChildProcess
}

async function startAttackedServer(options: Record<string, unknown>): Promise<Attacked> {
  const entry = resolve(import.meta.dirname, 'hostile-server-process.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', entry, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  for await (const line of lines) {
    if (line.startsWith('{')) return { ...(JSON.parse(line) as Omit<Attacked, 'child'>), child }
  }
  throw new Error('the attacked server did not start')
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN)
  return kb / 1024
}

async function createProject(server: Attacked, name: string): Promise<string> {
  const res = await fetch(`${server.url}/v1/admin/projects`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  return ((await res.json()) as { project: { id: string } }).project.id
}

async function post(url: string, anonymousId: string, body?: unknown) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': anonymousId },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** Runs `work(i)` for i in [0, count) with `concurrency` in flight. */
async function pool(count: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++)
    }),
  )
}

async function ballotStuffing(server: Attacked) {
  const projectId = await createProject(server, 'Stuffed')
  const api = `${server.url}/v1/projects/${projectId}`
  const created = await post(`${api}/requests`, 'bench-author-0', { title: 'Stuff me' })
  const { request } = (await created.json()) as { request: { id: string } }
  const statuses = new Map<number, number>()
  const started = performance.now()
  await pool(1_000, 8, async () => {
    const res = await post(
      `${api}/requests/${request.id}/vote`,
      `anon-${randomBytes(8).toString('hex')}`,
    )
    await res.arrayBuffer()
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
  })
  const seconds = (performance.now() - started) / 1000
  const backlog = await fetch(`${server.url}/v1/admin/projects/${projectId}/backlog`, {
    headers: { Authorization: `Bearer ${server.adminToken}` },
  })
  const votes = ((await backlog.json()) as { requests: { votes: number }[] }).requests[0]?.votes
  console.log(
    `  1,000 anonymous ids from one IP: votes counted ${votes} (author included; limit 20), ` +
      `answers ${JSON.stringify(Object.fromEntries(statuses))} in ${seconds.toFixed(1)} s`,
  )
}

async function requestSpam(server: Attacked) {
  const projectId = await createProject(server, 'Spammed')
  const api = `${server.url}/v1/projects/${projectId}`
  const statuses = new Map<number, number>()
  const started = performance.now()
  await pool(1_000, 8, async (i) => {
    const res = await post(`${api}/requests`, `anon-spammer-${i % 20}`, { title: `Spam ${i}` })
    await res.arrayBuffer()
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
  })
  const seconds = (performance.now() - started) / 1000
  console.log(
    `  1,000 new requests from one IP through 20 anonymous ids: ${statuses.get(201) ?? 0} created (limit 60 ` +
      `an hour), answers ${JSON.stringify(Object.fromEntries(statuses))} in ${seconds.toFixed(1)} s`,
  )
}

async function distinctSearches(server: Attacked) {
  const projectId = await createProject(server, 'Searched')
  const api = `${server.url}/v1/projects/${projectId}`
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  const text = Array.from({ length: 3_000 }, (_, i) =>
    i % 7 === 6 ? ' ' : letters[(i * 7919) % 26],
  ).join('')
  for (let i = 0; i < 30; i++) {
    await post(`${api}/requests`, 'bench-seeder-1', { title: `Seeded ${i}`, body: text })
  }
  const before = rssMb(server.pid)
  const started = performance.now()
  await pool(20_000, 8, async (i) => {
    // A different string every time, each matching all 30 bodies.
    const start = i % 2_900
    const length = 3 + ((i / 2_900) | 0)
    const res = await fetch(
      `${api}/requests?q=${encodeURIComponent(text.slice(start, start + length))}`,
    )
    await res.arrayBuffer()
  })
  const seconds = (performance.now() - started) / 1000
  const after = rssMb(server.pid)
  console.log(
    `  20,000 distinct searches (30 x 3 KB matches each): server RSS ${before.toFixed(0)} MB -> ` +
      `${after.toFixed(0)} MB (growth ${(after - before).toFixed(0)} MB, limit 50) in ${seconds.toFixed(0)} s`,
  )
}

async function hugeIfNoneMatch(server: Attacked) {
  const header = `a${' '.repeat(16_000)}b`
  const time = async (headers: Record<string, string>) => {
    const timings: number[] = []
    for (let i = 0; i < 30; i++) {
      const started = performance.now()
      const res = await fetch(`${server.url}/widget.js`, { headers })
      await res.arrayBuffer()
      timings.push(performance.now() - started)
    }
    return timings.sort((a, b) => a - b)
  }
  const plain = await time({})
  const hostile = await time({ 'If-None-Match': header })
  console.log(
    `  16 KB If-None-Match on /widget.js: p50 ${percentile(hostile, 50).toFixed(2)} ms ` +
      `(without it ${percentile(plain, 50).toFixed(2)} ms), max ${percentile(hostile, 100).toFixed(2)} ms`,
  )
}

const WORDS = [
  'dark',
  'mode',
  'export',
  'csv',
  'slack',
  'calendar',
  'sync',
  'invoice',
  'sso',
  'api',
  'webhook',
  'mobile',
  'offline',
  'search',
  'filter',
  'report',
  'chart',
  'team',
  'billing',
  'zapier',
]

async function searchAtScale(name: string, store: Store) {
  const projectId = `search-${Date.now().toString(36)}`
  await store.projects.create({
    id: projectId,
    name: 'Search',
    secret: generateSecret(),
    now: Date.now(),
  })
  await store.db.query(
    `INSERT INTO requests (id, project_id, title, body, author_voter, votes, created_at, updated_at)
     SELECT $1 || '-' || g, $1,
            initcap(w[1 + g % 20]) || ' ' || w[1 + (g / 20) % 20] || ' ' || g,
            'We would like ' || w[1 + (g / 7) % 20] || ' with ' || w[1 + (g / 3) % 20] ||
              ' for our ' || w[1 + (g / 11) % 20] || ' team, request number ' || g || '.',
            'a:seed', g % 50, now() - g * interval '1 minute', now()
       FROM generate_series(1, 10000) g, (SELECT $2::text[] AS w) words`,
    [projectId, WORDS],
  )
  await store.db.exec('ANALYZE requests')
  const app = createApp({
    store,
    config: {
      ...readServerConfig({}),
      demo: false,
      adminToken: 'bench-admin-token-that-is-long-enough',
      ipReadsPerMinute: 1_000_000,
    },
    clock: systemClock,
    logger: silentLogger,
  })
  const queries = [
    ...WORDS,
    ...WORDS.map((w, i) => `${w} ${WORDS[(i + 3) % 20]}`),
    ...Array.from({ length: 60 }, (_, i) => `number ${i * 137}`),
    ...Array.from({ length: 60 }, (_, i) => `${WORDS[i % 20]?.slice(1, 4)}`),
    'nothing matches this',
    'zzzz',
    'qq',
  ]
  const timings: number[] = []
  for (let round = 0; round < 2; round++) {
    for (const q of queries) {
      const started = performance.now()
      const res = await app.request(`/v1/projects/${projectId}/requests?q=${encodeURIComponent(q)}`)
      await res.arrayBuffer()
      if (round === 1) timings.push(performance.now() - started)
    }
  }
  timings.sort((a, b) => a - b)
  console.log(
    `  search over 10,000 requests on ${name} (${timings.length} queries through the app): ` +
      `p50 ${percentile(timings, 50).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms`,
  )
}

/**
 * `only: 'search'` runs just the search-at-scale part; `stall` just the near-miss searches;
 * `spam` just the request spam.
 */
export async function benchHostileClient(only?: string): Promise<void> {
  if (only === 'stall') return stallingSearches()
  if (only === 'spam') return attackOneServer(['spam'])
  if (only !== 'search') await attackOneServer()
  if (only !== 'search') await benchHostileThreads()
  await searchOnEveryBackend()
  if (only !== 'search') await stallingSearches()
}

const NEAR_MISS_ROWS = Number(process.env.NEAR_MISS_ROWS ?? 3_150)
const NEAR_MISS_Q = `${'a'.repeat(199)}b`

/** 4 clients loop a 200-character near-miss search; another project's widget read is timed. */
async function stallingSearches() {
  const server = await startAttackedServer({
    anonVotersPerIpPerHour: 1_000_000,
    ipWritesPerMinute: 1_000_000,
    ipReadsPerMinute: 1_000_000,
  })
  try {
    const attacked = await createProject(server, 'Near misses')
    const other = await createProject(server, 'Bystander')
    const body = `${'a'.repeat(150)}b`.repeat(32)
    const started = performance.now()
    let created = 0
    await pool(NEAR_MISS_ROWS, 8, async (i) => {
      const res = await post(
        `${server.url}/v1/projects/${attacked}/requests`,
        `bench-near-miss-${i % 50}`,
        {
          title: `Near miss ${i}`,
          body,
        },
      )
      const answer = await res.text()
      if (res.status === 201) created++
      else if (i < 3) console.error(`  seeding answered ${res.status}: ${answer.slice(0, 200)}`)
    })
    const seeded = (performance.now() - started) / 1000
    const searchUrl = `${server.url}/v1/projects/${attacked}/requests?q=${encodeURIComponent(NEAR_MISS_Q)}`
    const one = performance.now()
    await (await fetch(searchUrl)).arrayBuffer()
    const single = performance.now() - one
    let running = true
    let searches = 0
    const attackers = Array.from({ length: 4 }, async () => {
      while (running) {
        await (await fetch(searchUrl)).arrayBuffer()
        searches++
      }
    })
    const timings: number[] = []
    const until = performance.now() + 10_000
    while (performance.now() < until) {
      const t = performance.now()
      await (await fetch(`${server.url}/v1/projects/${other}/widget`)).arrayBuffer()
      timings.push(performance.now() - t)
    }
    running = false
    await Promise.all(attackers)
    timings.sort((a, b) => a - b)
    console.log(
      `  ${created} near-miss requests of 5 KB (seeded in ${seeded.toFixed(1)} s): one 200-char ` +
        `search ${single.toFixed(1)} ms; with 4 looping (${searches} searches in 10 s), another ` +
        `project's GET …/widget p50 ${percentile(timings, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(timings, 99).toFixed(1)} ms (goal < 50)`,
    )
  } finally {
    server.child.kill('SIGTERM')
  }
}

async function attackOneServer(parts = ['stuffing', 'spam', 'etag', 'searches']) {
  const server = await startAttackedServer({
    anonVotersPerIpPerHour: 20,
    newRequestsPerIpPerProjectPerHour: 60,
    ipWritesPerMinute: 1_000_000,
    ipReadsPerMinute: 1_000_000,
  })
  try {
    if (parts.includes('stuffing')) await ballotStuffing(server)
    if (parts.includes('spam')) await requestSpam(server)
    if (parts.includes('etag')) await hugeIfNoneMatch(server)
    if (parts.includes('searches')) await distinctSearches(server)
  } finally {
    server.child.kill('SIGTERM')
  }
}

async function searchOnEveryBackend() {
  const dir = mkdtempSync(join(tmpdir(), 'reqio-search-bench-'))
  const embedded = await openStore({ dataDir: dir })
  try {
    await searchAtScale('PGlite', embedded)
  } finally {
    await embedded.close()
    rmSync(dir, { recursive: true, force: true })
  }
  if (process.env.DATABASE_URL) {
    const postgres = await openStore({
      databaseUrl: process.env.DATABASE_URL,
      pgSchema: `reqio_bench_${randomBytes(4).toString('hex')}`,
      dropSchemaOnClose: true,
    })
    try {
      await searchAtScale('PostgreSQL', postgres)
    } finally {
      await postgres.close()
    }
  }
}

// `npx tsx test/bench/hostile-client.ts [search|stall|spam]`
if (import.meta.url === `file://${process.argv[1]}`) await benchHostileClient(process.argv[2])
