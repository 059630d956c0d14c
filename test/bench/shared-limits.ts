// What sharing the rate limits through PostgreSQL costs one process (issue 23): the same build on
// the same PostgreSQL, limits kept in process memory against limits shared in the database, side
// by side, the two servers' runs alternating so both see the same machine. Goal: list and vote
// throughput with shared limits within 15 % of in-memory ones (20 connections).
//
//   DATABASE_URL=postgres://… npx tsx test/bench/shared-limits.ts
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import autocannon from 'autocannon'
import pg from 'pg'

const CONNECTIONS = 20
const DURATION_SECONDS = 5
const ROUNDS = 2
/** Distinct client addresses behind the proxy in the "many clients" scenarios. */
const CLIENTS = 1_000
const GOAL_PERCENT = 85

type Variant = 'memory' | 'shared'

interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p99: number }
  non2xx: number
}

interface Server {
  url: string
  adminToken: string
  /** Its PostgreSQL schema, where its limit rows are counted. */
  schema: string
  child: ChildProcess
}

async function startServer(variant: Variant, env: Record<string, string>): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./limits-server-process.ts', import.meta.url).pathname],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env, BENCH_LIMITS: variant },
    },
  )
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const [firstLine] = (await once(lines, 'line')) as [string]
  return { ...(JSON.parse(firstLine) as Omit<Server, 'child'>), child }
}

async function seed(server: Server): Promise<{ projectId: string; requestId: string }> {
  const created = await fetch(`${server.url}/v1/admin/projects`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Bench' }),
  })
  const projectId = ((await created.json()) as { project: { id: string } }).project.id
  const submitted = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-bench-author' },
    body: JSON.stringify({ title: 'Dark mode' }),
  })
  const requestId = ((await submitted.json()) as { request: { id: string } }).request.id
  return { projectId, requestId }
}

interface Scenario {
  name: string
  options(server: Server, ids: { projectId: string; requestId: string }): Record<string, unknown>
}

/** Each request from the next of CLIENTS forwarded addresses (one anonymous id per address). */
function fromManyClients(method: string, path: string): Record<string, unknown> {
  let sent = 0
  return {
    requests: [
      {
        method,
        setupRequest: (req: { path: string; headers: Record<string, string> }) => {
          const client = sent++ % CLIENTS
          req.path = path
          req.headers = {
            ...req.headers,
            'X-Forwarded-For': `10.${client >> 8}.${client & 255}.1`,
            'X-Reqio-Anonymous-Id': `anon-client-${client}`,
          }
          return req
        },
      },
    ],
  }
}

const SCENARIOS: Scenario[] = [
  {
    name: 'GET requests, one client',
    options: (s, { projectId }) => ({ url: `${s.url}/v1/projects/${projectId}/requests` }),
  },
  {
    // The same anonymous id again (idempotent), as in the many-processes benchmark.
    name: 'POST vote, one client',
    options: (s, { projectId, requestId }) => ({
      url: `${s.url}/v1/projects/${projectId}/requests/${requestId}/vote`,
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': 'anon-bench-voter' },
    }),
  },
  {
    name: `GET requests, ${CLIENTS} clients`,
    options: (s, { projectId }) => ({
      url: s.url,
      ...fromManyClients('GET', `/v1/projects/${projectId}/requests`),
    }),
  },
  {
    name: `POST vote, ${CLIENTS} clients`,
    options: (s, { projectId, requestId }) => ({
      url: s.url,
      ...fromManyClients('POST', `/v1/projects/${projectId}/requests/${requestId}/vote`),
    }),
  },
]

function load(options: Record<string, unknown>): Promise<AutocannonResult> {
  return new Promise((resolve, reject) =>
    autocannon(
      { connections: CONNECTIONS, duration: DURATION_SECONDS, ...options },
      (error: Error | null, result: AutocannonResult) => (error ? reject(error) : resolve(result)),
    ),
  )
}

/**
 * Rows written to the limit tables of one server's schema so far: a figure the machine's load
 * does not change. PostgreSQL publishes table statistics up to a second late, hence the wait.
 */
async function limitRowWrites(databaseUrl: string, schema: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1_500))
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: string | null }>(
      `SELECT sum(n_tup_ins + n_tup_upd) AS n FROM pg_stat_user_tables
        WHERE schemaname = $1 AND relname IN ('rate_buckets', 'distinct_members')`,
      [schema],
    )
    return Number(rows[0]?.n ?? 0)
  } finally {
    await client.end()
  }
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length

export async function benchSharedLimits(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    console.log('\n## Shared limits on PostgreSQL: skipped (set DATABASE_URL)')
    return
  }
  // Limits high enough for one client's load, so every request does the limits' work and passes.
  const oneClientEnv = { BENCH_PERSON_PER_MINUTE: '100000000', BENCH_IP_PER_MINUTE: '100000000' }
  const rows: Record<string, string | number>[] = []
  const goals: string[] = []
  for (const scenario of SCENARIOS) {
    // Fresh servers (and schemas) per scenario: one scenario's rows do not slow the next.
    const env = scenario.name.includes('one client') ? oneClientEnv : {}
    const servers = {
      memory: await startServer('memory', env),
      shared: await startServer('shared', env),
    }
    try {
      const ids = { memory: await seed(servers.memory), shared: await seed(servers.shared) }
      const results: Record<Variant, AutocannonResult[]> = { memory: [], shared: [] }
      const writesBefore = await limitRowWrites(databaseUrl, servers.shared.schema)
      for (let round = 0; round < ROUNDS; round++) {
        for (const variant of ['memory', 'shared'] as const) {
          results[variant].push(await load(scenario.options(servers[variant], ids[variant])))
        }
      }
      const limitWrites = (await limitRowWrites(databaseUrl, servers.shared.schema)) - writesBefore
      const served = results.shared.reduce((sum, r) => sum + r.requests.total, 0)
      // Answered requests only: past 1,000 requests on one keep-alive connection Node answers
      // the ones autocannon already sent with a bare 503 (maxRequestsPerSocket), which costs
      // nothing and would flatter whichever variant is faster.
      const rate = (variant: Variant) =>
        mean(results[variant].map((r) => (r.requests.total - r.non2xx) / DURATION_SECONDS))
      for (const variant of ['memory', 'shared'] as const) {
        rows.push({
          scenario: scenario.name,
          limits: variant === 'memory' ? 'in process memory' : 'shared in PostgreSQL',
          '2xx/s': Math.round(rate(variant)),
          'p99 ms': Math.max(...results[variant].map((r) => r.latency.p99)),
          'non-2xx': results[variant].reduce((sum, r) => sum + r.non2xx, 0),
          'limit rows written per 1,000 requests':
            variant === 'shared' ? Math.round((limitWrites / served) * 1000) : '-',
        })
      }
      const percent = Math.round((rate('shared') / rate('memory')) * 100)
      goals.push(
        `${scenario.name}: shared ${percent} % of in-memory (goal ≥ ${GOAL_PERCENT} %: ${percent >= GOAL_PERCENT ? 'met' : 'NOT met'})`,
      )
    } finally {
      for (const server of Object.values(servers)) {
        server.child.kill('SIGTERM')
        await once(server.child, 'exit')
      }
    }
  }
  console.log(
    `\n## Shared limits on PostgreSQL, one process (${CONNECTIONS} connections, ${ROUNDS} × ${DURATION_SECONDS} s alternating)`,
  )
  console.table(rows)
  for (const line of goals) console.log(line)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSharedLimits()
