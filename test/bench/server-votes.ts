// POST vote by identified voters over real HTTP on 127.0.0.1 (issue 25, "The write path's
// cost"), on the embedded database and, when DATABASE_URL is set, on PostgreSQL: votes per
// second at 20 connections, p50/p99 at a fixed 500 votes/s over 20 connections, and the SQL
// statements one vote sends (counted by the server's own Db, BEGIN and COMMIT included).
// Every call is a real change: a new (voter, request) pair, from one of VOTERS verified tokens
// (each verified once beforehand, as a widget's token is, so the cached verification is measured).
//
//   npx tsx test/bench/server-votes.ts            (DATABASE_URL=postgres://… adds PostgreSQL)
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface, type Interface } from 'node:readline'
import { audienceFor } from '../../src/shared/identity'
import { mintToken } from '../helpers/tokens'
import { type AutocannonResult, autocannonRun } from './autocannon-run'
import { seedRequests } from './seed-requests'

const CONNECTIONS = 20
const DURATION_SECONDS = 8
const FIXED_RATE = 500
/** Coprime with VOTERS: call k votes as voter k % VOTERS on request k % REQUESTS, a new pair each. */
const REQUESTS = 200
const VOTERS = 1009
const COMPANIES = 50
/** Sequential votes the statements are counted over. */
const COUNTED_VOTES = 100

interface VoteServer {
  url: string
  adminToken: string
  child: ChildProcess
  lines: Interface
}

async function startVoteServer(databaseUrl: string | null): Promise<VoteServer> {
  const { DATABASE_URL: _chosenBelow, ...inherited } = process.env
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF_DIR
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF_DIR]
        : []),
      '--import',
      'tsx',
      new URL('./votes-server-process.ts', import.meta.url).pathname,
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...inherited, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    },
  )
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const [firstLine] = (await once(lines, 'line')) as [string]
  return { ...(JSON.parse(firstLine) as { url: string; adminToken: string }), child, lines }
}

/** The statements the server sent since the last call, the first ones in order. */
async function countStatements(
  server: VoteServer,
): Promise<{ statements: number; sent: { sql: string; times: number; ms: number }[] }> {
  const answer = once(server.lines, 'line') as Promise<[string]>
  server.child.stdin?.write('count\n')
  const [line] = await answer
  return JSON.parse(line)
}

async function seed(server: VoteServer) {
  const created = await fetch(`${server.url}/v1/admin/projects`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Votes bench' }),
  })
  const { project, secret } = (await created.json()) as {
    project: { id: string }
    secret: string
  }
  const requestIds = await seedRequests(server.url, project.id, REQUESTS)
  const tokens = await Promise.all(
    Array.from({ length: VOTERS }, (_, i) =>
      mintToken(secret, {
        sub: `voter-${i}`,
        aud: audienceFor(project.id),
        email: `voter-${i}@example.com`,
        traits: { plan: 'pro', amount: 4900, interval: 'month' },
        // Colleagues: their votes count for one account per company (request_accounts).
        company: { id: `company-${i % COMPANIES}`, name: `Company ${i % COMPANIES}` },
      }),
    ),
  )
  // Each token verified (and its person written) once, as a widget's first call does.
  for (const token of tokens) {
    const res = await fetch(`${server.url}/v1/projects/${project.id}/requests?sort=new`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    if (res.status !== 200) throw new Error(`warming a token answered ${res.status}`)
    await res.arrayBuffer()
  }
  return { projectId: project.id, requestIds, tokens }
}

async function benchEngine(engine: string, databaseUrl: string | null) {
  const server = await startVoteServer(databaseUrl)
  try {
    const { projectId, requestIds, tokens } = await seed(server)
    let k = 0
    const nextVote = () => {
      const call = k++
      return {
        path: `/v1/projects/${projectId}/requests/${requestIds[call % REQUESTS]}/vote`,
        token: tokens[call % VOTERS] as string,
      }
    }

    await countStatements(server)
    // The first vote may still fill a cache: the figures are those of the votes after it.
    for (let i = 0; i <= COUNTED_VOTES; i++) {
      const vote = nextVote()
      const res = await fetch(`${server.url}${vote.path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${vote.token}` },
      })
      if (res.status !== 200) throw new Error(`a vote answered ${res.status}`)
      await res.arrayBuffer()
      if (i === 0) await countStatements(server)
    }
    const { statements, sent } = await countStatements(server)
    const perVote = statements / COUNTED_VOTES
    const oneVote = sent.map(({ sql, times, ms }) => ({
      sql,
      perVote: times / COUNTED_VOTES,
      meanMs: ms / times,
    }))

    const options = (extra: Record<string, unknown>) => ({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req: { path: string; headers: Record<string, string> }) => {
            const vote = nextVote()
            req.path = vote.path
            req.headers = { ...req.headers, Authorization: `Bearer ${vote.token}` }
            return req
          },
        },
      ],
      ...extra,
    })
    const most = await autocannonRun(options({}))
    const fixed = await autocannonRun(options({ overallRate: FIXED_RATE }))
    return { engine, perVote, oneVote, most, fixed }
  } finally {
    server.child.kill('SIGTERM')
    await once(server.child, 'exit')
  }
}

export async function benchServerVotes(): Promise<void> {
  const engines: [string, string | null][] = [['embedded', null]]
  if (process.env.DATABASE_URL) engines.push(['PostgreSQL', process.env.DATABASE_URL])
  const results = []
  for (const [engine, databaseUrl] of engines) results.push(await benchEngine(engine, databaseUrl))

  console.log(
    `\n## POST vote, identified voters (${VOTERS} tokens, ${REQUESTS} requests, each call a new vote; ${DURATION_SECONDS} s each)`,
  )
  console.table(
    results.map(({ engine, perVote, most, fixed }) => ({
      engine,
      'statements per vote': perVote,
      [`votes/s, ${CONNECTIONS} connections`]: Math.round(most.requests.average),
      [`p50 ms at ${FIXED_RATE}/s`]: fixed.latency.p50,
      [`p99 ms at ${FIXED_RATE}/s`]: fixed.latency.p99,
      'non-2xx': most.non2xx + fixed.non2xx,
      errors: most.errors + fixed.errors,
    })),
  )
  for (const { engine, oneVote } of results) {
    console.log(
      `\nThe statements of a vote in order, ${engine} (per vote, mean wall ms one at a time):`,
    )
    for (const { sql, perVote, meanMs } of oneVote)
      console.log(
        `  ${perVote.toFixed(2)} × ${meanMs.toFixed(2).padStart(6)} ms  ${sql.slice(0, 130)}`,
      )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchServerVotes()
