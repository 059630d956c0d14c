// Start to ready and resident memory of one server process on each engine: spawn → first 200
// on /widget.js for a first start (new database: schema created) and a restart (existing
// data), then RSS at idle and after 10,000 mixed public requests (reads, searches, votes, new
// requests). Goals (issue 23): ready under 3 s on the embedded database and 1 s on
// PostgreSQL; RSS under 300 MB and 120 MB.
//
//   npx tsx test/bench/start-and-memory.ts      (DATABASE_URL=… adds PostgreSQL)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { createThrowawayDatabase } from '../helpers/postgres-database'
import {
  BENCH_ADMIN_TOKEN,
  type MeasuredServer,
  SERVER_ENTRY,
  startMeasuredServer,
} from './measured-server'

const MIXED_REQUESTS = 10_000
const CONNECTIONS = 10
const SEEDED_REQUESTS = 100
const IDLE_SETTLE_MS = 3_000
const WORDS = ['export', 'dark', 'mode', 'calendar', 'sync', 'invoice', 'slack', 'mobile']

interface EngineFigures {
  engine: string
  'first start ms': number
  'restart ms': number
  'restart CPU ms': number
  'idle RSS MB': number
  'RSS after 10k MB': number
  'peak RSS MB': number
  'non-2xx': number
}

const settle = () => new Promise((done) => setTimeout(done, IDLE_SETTLE_MS))

async function seedProject(server: MeasuredServer): Promise<{ pid: string; ids: string[] }> {
  const created = await fetch(`${server.url}/v1/admin/projects`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Memory bench' }),
  })
  const pid = ((await created.json()) as { project: { id: string } }).project.id
  const ids: string[] = []
  for (let i = 0; i < SEEDED_REQUESTS; i++) {
    const res = await fetch(`${server.url}/v1/projects/${pid}/requests`, {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': `anon-seed-${i}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]} ${i}`,
        body: 'Seeded for the memory benchmark.',
      }),
    })
    ids.push(((await res.json()) as { request: { id: string } }).request.id)
  }
  return { pid, ids }
}

/** 10,000 requests in a fixed mix, as a busy widget audience sends them. */
function mixedLoad(server: MeasuredServer, pid: string, ids: string[]): Promise<number> {
  let n = 0
  const base = `/v1/projects/${pid}`
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: server.url,
        connections: CONNECTIONS,
        amount: MIXED_REQUESTS,
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => {
              n++
              const anon = { 'X-Reqio-Anonymous-Id': `anon-load-${n}` }
              const id = ids[n % ids.length]
              const pick = n % 10
              const get = (path: string) => ({ ...req, method: 'GET', path, headers: anon })
              if (pick <= 3) return get(`${base}/requests?sort=${n % 2 ? 'top' : 'new'}`)
              if (pick === 4) return get(`${base}/requests?q=${WORDS[n % WORDS.length]}`)
              if (pick === 5) return get(`${base}/widget`)
              if (pick === 6) return get(`${base}/requests/${id}`)
              if (pick === 7) return { ...get(`${base}/requests/${id}/vote`), method: 'POST' }
              if (pick === 8)
                return {
                  ...req,
                  method: 'POST',
                  path: `${base}/requests`,
                  headers: { ...anon, 'Content-Type': 'application/json' },
                  body: JSON.stringify({ title: `Load request ${n}`, body: 'From the mix.' }),
                }
              return get('/widget.js')
            },
          },
        ],
      },
      (error: Error | null, result: { non2xx: number }) =>
        error ? reject(error) : resolve(result.non2xx),
    )
  })
}

async function measureEngine(engine: string, env: Record<string, string>): Promise<EngineFigures> {
  const first = await startMeasuredServer(env)
  await first.stop()
  const server = await startMeasuredServer(env)
  try {
    await settle()
    const idle = server.memory()
    const { pid, ids } = await seedProject(server)
    const non2xx = await mixedLoad(server, pid, ids)
    await settle()
    const after = server.memory()
    return {
      engine,
      'first start ms': Math.round(first.readyMs),
      'restart ms': Math.round(server.readyMs),
      'restart CPU ms': server.readyCpuMs,
      'idle RSS MB': idle.rssMb,
      'RSS after 10k MB': after.rssMb,
      'peak RSS MB': after.peakMb,
      'non-2xx': non2xx,
    }
  } finally {
    await server.stop()
  }
}

export async function benchStartAndMemory(): Promise<void> {
  const rows: EngineFigures[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'reqio-bench-memory-'))
  try {
    rows.push(await measureEngine('embedded (PGlite)', { REQIO_DATA_DIR: dataDir }))
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
  if (process.env.DATABASE_URL) {
    const database = await createThrowawayDatabase(process.env.DATABASE_URL)
    const pgDataDir = mkdtempSync(join(tmpdir(), 'reqio-bench-memory-'))
    try {
      rows.push(
        await measureEngine('PostgreSQL', {
          DATABASE_URL: database.url,
          REQIO_DATA_DIR: pgDataDir,
        }),
      )
    } finally {
      await database.drop()
      rmSync(pgDataDir, { recursive: true, force: true })
    }
  }
  console.log(
    `\n## Start to ready and memory (node ${SERVER_ENTRY.join(' ')}; ${MIXED_REQUESTS} mixed requests, ${CONNECTIONS} connections)`,
  )
  console.table(rows)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStartAndMemory()
