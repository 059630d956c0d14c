// Reqio as one and as two `npm start` processes on one PostgreSQL (DATABASE_URL): POST vote and
// GET requests throughput and p99 with 20 connections (split across the processes for two), and
// what the shared limiter costs per write. Two cores run the load generator, both servers and
// PostgreSQL, so two processes cannot show more throughput here: the figure shows they stay
// correct under load and what sharing limits costs, not how they scale on real hardware.
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import { systemClock } from '../../src/server/clock'
import { inProcessLimits } from '../../src/server/limits/limits'
import { PostgresLimits } from '../../src/server/limits/postgres-limits'
import { openStore } from '../../src/server/store'
import { createThrowawayDatabase } from '../helpers/postgres-database'
import { type ServerProcess, startServerProcess } from '../helpers/server-process'

const CONNECTIONS = 20
const DURATION_SECONDS = 6
const LIMITER_CALLS = 5_000

interface AutocannonResult {
  requests: { average: number }
  latency: { p99: number }
  non2xx: number
}

function load(urls: string[], options: Record<string, unknown>): Promise<AutocannonResult[]> {
  return Promise.all(
    urls.map(
      (url) =>
        new Promise<AutocannonResult>((resolve, reject) =>
          autocannon(
            {
              ...options,
              url,
              connections: CONNECTIONS / urls.length,
              duration: DURATION_SECONDS,
            },
            (error: Error | null, result: AutocannonResult) =>
              error ? reject(error) : resolve(result),
          ),
        ),
    ),
  )
}

function summary(scenario: string, results: AutocannonResult[]) {
  return {
    scenario,
    'req/s': Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    'p99 ms': Math.max(...results.map((r) => r.latency.p99)),
    'non-2xx': results.reduce((sum, r) => sum + r.non2xx, 0),
  }
}

async function measure(processes: ServerProcess[], adminToken: string) {
  const [first] = processes
  if (!first) throw new Error('no process')
  const created = await fetch(`${first.url}/v1/admin/projects`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Bench' }),
  })
  const projectId = ((await created.json()) as { project: { id: string } }).project.id
  const submitted = await fetch(`${first.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-bench-author' },
    body: JSON.stringify({ title: 'Dark mode' }),
  })
  const requestId = ((await submitted.json()) as { request: { id: string } }).request.id
  const n = processes.length
  const votes = await load(
    processes.map((p) => `${p.url}/v1/projects/${projectId}/requests/${requestId}/vote`),
    // One anonymous id: the same vote again (idempotent), so the cap on new ids never trips.
    { method: 'POST', headers: { 'X-Reqio-Anonymous-Id': 'anon-bench-voter' } },
  )
  const lists = await load(
    processes.map((p) => `${p.url}/v1/projects/${projectId}/requests`),
    {},
  )
  return [
    summary(`POST vote, ${n} process${n > 1 ? 'es' : ''}`, votes),
    summary(`GET requests, ${n} process${n > 1 ? 'es' : ''}`, lists),
  ]
}

async function limiterCost(databaseUrl: string) {
  const store = await openStore({ databaseUrl })
  try {
    const timed = async (name: string, hit: (i: number) => Promise<unknown>) => {
      const started = process.hrtime.bigint()
      for (let i = 0; i < LIMITER_CALLS; i++) await hit(i)
      const micros = Number(process.hrtime.bigint() - started) / 1000 / LIMITER_CALLS
      return { limiter: name, 'µs per write check': Math.round(micros) }
    }
    const shared = new PostgresLimits(store.db, systemClock)
    const local = inProcessLimits(systemClock)
    return [
      await timed('in process (embedded database)', (i) => local.hit(`k${i % 50}`, 1e9, 60_000)),
      await timed('PostgreSQL (shared)', (i) => shared.hit(`k${i % 50}`, 1e9, 60_000)),
    ]
  } finally {
    await store.close()
  }
}

export async function benchManyProcesses(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    console.log('\n## Many processes: skipped (set DATABASE_URL to a PostgreSQL server)')
    return
  }
  const adminToken = randomBytes(24).toString('base64url')
  const rows = []
  for (const count of [1, 2]) {
    const database = await createThrowawayDatabase(serverUrl)
    const env = {
      DATABASE_URL: database.url,
      REQIO_ADMIN_TOKEN: adminToken,
      // The load comes from one IP: lift the per-IP and per-person limits, keep them enforced.
      REQIO_IP_WRITES_PER_MINUTE: '100000000',
      REQIO_IP_READS_PER_MINUTE: '100000000',
      REQIO_RATE_LIMIT_PER_MINUTE: '100000000',
    }
    const processes = await Promise.all(
      Array.from({ length: count }, () => startServerProcess(env)),
    )
    try {
      rows.push(...(await measure(processes, adminToken)))
    } finally {
      await Promise.all(processes.map((p) => p.stop()))
      await database.drop()
    }
  }
  console.log(
    `\n## Many processes on one PostgreSQL (${CONNECTIONS} connections, ${DURATION_SECONDS} s each)`,
  )
  console.table(rows)
  const database = await createThrowawayDatabase(serverUrl)
  try {
    console.table(await limiterCost(database.url))
  } finally {
    await database.drop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchManyProcesses()
