// POST vote, GET requests and GET requests?similar= over real HTTP on 127.0.0.1 against the
// embedded database, measured with autocannon: throughput at fixed concurrency, and latency at a
// fixed 500 rps.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { type AutocannonResult, autocannonRun } from './autocannon-run'
import { seedRequests } from './seed-requests'

const DURATION_SECONDS = 8
const CONNECTIONS = 10
const REQUESTS_IN_PROJECT = 200
/** As many as ?similar= compares a title with (SIMILAR_CANDIDATES): the most work it can do. */
const REQUESTS_FOR_SIMILAR = 1000
const WORDS = ['export', 'dark', 'mode', 'calendar', 'sync', 'invoice', 'slack', 'mobile', 'café']
const WORDS_2 = ['csv', 'report', 'api', 'webhook', 'filter', 'search', 'team', 'sso', 'theme']

function row(name: string, result: AutocannonResult) {
  return {
    scenario: name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'non-2xx': result.non2xx,
    errors: result.errors,
  }
}

async function startServerProcess(): Promise<{
  url: string
  adminToken: string
  child: ChildProcess
}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./server-process.ts', import.meta.url).pathname],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const [firstLine] = (await once(lines, 'line')) as [string]
  return { ...(JSON.parse(firstLine) as { url: string; adminToken: string }), child }
}

async function createProject(
  server: { url: string; adminToken: string },
  name: string,
): Promise<string> {
  const created = await fetch(`${server.url}/v1/admin/projects`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  return ((await created.json()) as { project: { id: string } }).project.id
}

export async function benchServerHttp(): Promise<void> {
  const server = await startServerProcess()
  try {
    const project = { id: await createProject(server, 'Bench') }
    const ids = await seedRequests(server.url, project.id, REQUESTS_IN_PROJECT)

    let voteCount = 0
    // Each vote comes from a new anonymous visitor on one of the requests: every call inserts.
    const voteOptions = (extra: Record<string, unknown>) => ({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req: { path: string; headers: Record<string, string> }) => {
            voteCount++
            req.path = `/v1/projects/${project.id}/requests/${ids[voteCount % ids.length]}/vote`
            req.headers = { ...req.headers, 'X-Reqio-Anonymous-Id': `anon-bench-${voteCount}` }
            return req
          },
        },
      ],
      ...extra,
    })
    const votesMax = await autocannonRun(voteOptions({}))
    const votes500 = await autocannonRun(voteOptions({ overallRate: 500 }))
    // The same rate evenly spaced on one connection: service time without autocannon's bursts
    // (its fixed rate fires all connections' requests together).
    const votes500Even = await autocannonRun(voteOptions({ overallRate: 500, connections: 1 }))
    const listOptions = {
      url: `${server.url}/v1/projects/${project.id}/requests?sort=top`,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      headers: { 'X-Reqio-Anonymous-Id': 'anon-reader-1' },
    }
    const listMax = await autocannonRun(listOptions)
    const list500 = await autocannonRun({ ...listOptions, overallRate: 500 })

    const similarProject = await createProject(server, 'Bench similar')
    for (let i = 0; i < REQUESTS_FOR_SIMILAR; i++) {
      const title = `${WORDS[i % WORDS.length]} ${WORDS_2[Math.floor(i / WORDS.length) % WORDS_2.length]} ${i}`
      await fetch(`${server.url}/v1/projects/${similarProject}/requests`, {
        method: 'POST',
        headers: { 'X-Reqio-Anonymous-Id': `anon-seed-${i}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      })
    }
    let typed = 0
    // Every call a title the cache has not seen: each one is ranked against all 1,000 requests.
    const similarMax = await autocannonRun({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      headers: { 'X-Reqio-Anonymous-Id': 'anon-typist-1' },
      requests: [
        {
          setupRequest: (req: { path: string }) => {
            typed++
            const title = `${WORDS[typed % WORDS.length]} ${WORDS_2[typed % WORDS_2.length]} ${typed}`
            req.path = `/v1/projects/${similarProject}/requests?similar=${encodeURIComponent(title)}`
            return req
          },
        },
      ],
    })

    console.log(
      `\n## HTTP on 127.0.0.1, embedded database (${REQUESTS_IN_PROJECT} requests in the project, ${DURATION_SECONDS} s each)`,
    )
    console.table([
      row(`POST vote, ${CONNECTIONS} connections`, votesMax),
      row(`POST vote, fixed 500 rps, ${CONNECTIONS} connections`, votes500),
      row('POST vote, fixed 500 rps, 1 connection', votes500Even),
      row(`GET requests (top 100), ${CONNECTIONS} connections`, listMax),
      row('GET requests, fixed 500 rps', list500),
      row(
        `GET requests?similar= (${REQUESTS_FOR_SIMILAR} to compare), ${CONNECTIONS} connections`,
        similarMax,
      ),
    ])
  } finally {
    server.child.kill('SIGTERM')
    await once(server.child, 'exit')
  }
}
