// What the request log costs per request: the same public list request against two server
// processes started alike, one at LOG_LEVEL=info (one JSON line per request, written to a
// file) and one at LOG_LEVEL=warn (request lines off), measured in alternating rounds with
// autocannon so that a busy moment on the machine hits both. Four servers in the order info,
// warn, warn, info: on this machine the first-started of two identical servers measured ~14 %
// slower (an A/A run), and that order cancels such a bias. Besides throughput (which other
// load on the machine moves), each server's own CPU time per request, which it moves less.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import pino from 'pino'
import { createPinoLogger } from '../../src/server/logging/pino-logger'
import { type AutocannonResult, autocannonRun } from './autocannon-run'
import { median } from './stats'

const ROUNDS = 4
const REQUESTS_PER_ROUND = 3_000
const CONNECTIONS = 10
const REQUESTS_IN_PROJECT = 200

interface LoggingServer {
  level: string
  url: string
  adminToken: string
  child: ChildProcess
  logFile: string
}

async function startLoggingServer(level: string, dir: string): Promise<LoggingServer> {
  const logFile = join(dir, `${level}.log`)
  const out = openSync(logFile, 'w')
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./request-log-server-process.ts', import.meta.url).pathname],
    {
      stdio: ['ignore', out, 'pipe', 'ipc'],
      env: { ...process.env, LOG_LEVEL: level, LOG_FORMAT: 'json' },
    },
  )
  closeSync(out)
  const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream })
  const [first] = (await once(lines, 'line')) as [string]
  return { level, ...(JSON.parse(first) as { url: string; adminToken: string }), child, logFile }
}

/** The server's CPU time so far (user + system), in microseconds. */
async function cpuMicros(server: LoggingServer): Promise<number> {
  server.child.send('cpu')
  const [usage] = (await once(server.child, 'message')) as [NodeJS.CpuUsage]
  return usage.user + usage.system
}

async function seedProject(server: LoggingServer): Promise<string> {
  const created = await fetch(`${server.url}/v1/admin/projects`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Bench' }),
  })
  const projectId = ((await created.json()) as { project: { id: string } }).project.id
  for (let i = 0; i < REQUESTS_IN_PROJECT; i++) {
    await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': `anon-seed-${i}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: `Seed request ${i}` }),
    })
  }
  return projectId
}

/**
 * One request line on its own, in this process: pino, redaction, scrubbing and a synchronous
 * write to a file. Other load on the machine moves this far less than a throughput figure.
 */
function microsPerLine(dir: string): number {
  const lines = 50_000
  const logger = createPinoLogger(
    { level: 'info', format: 'json' },
    pino.destination({ dest: join(dir, 'micro.log'), sync: true }),
  )
  const write = () =>
    logger.info('GET /v1/projects/:projectId/requests 200', {
      reqId: '9255876d-962d-47a2-9d3b-7cc9e8fa576f',
      method: 'GET',
      route: '/v1/projects/:projectId/requests',
      status: 200,
      ms: 1.3,
    })
  for (let i = 0; i < 2_000; i++) write()
  const before = process.cpuUsage()
  for (let i = 0; i < lines; i++) write()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / lines
}

export async function benchRequestLog(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reqio-bench-request-log-'))
  const servers: LoggingServer[] = []
  for (const level of ['info', 'warn', 'warn', 'info'])
    servers.push(await startLoggingServer(level, dir))
  try {
    const projects = await Promise.all(servers.map(seedProject))
    const results = servers.map(() => [] as AutocannonResult[])
    const cpuPerRequest = servers.map(() => [] as number[])
    const total = servers.map(() => 0)
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so none always gets the warmer machine.
      const order = round % 2 === 0 ? [0, 1, 2, 3] : [3, 2, 1, 0]
      for (const i of order) {
        const server = servers[i] as LoggingServer
        const cpuBefore = await cpuMicros(server)
        const result = await autocannonRun({
          url: `${server.url}/v1/projects/${projects[i]}/requests?sort=top`,
          connections: CONNECTIONS,
          amount: REQUESTS_PER_ROUND,
          headers: { 'X-Reqio-Anonymous-Id': 'anon-reader-1' },
        })
        const cpu = (await cpuMicros(server)) - cpuBefore
        results[i]?.push(result)
        cpuPerRequest[i]?.push(cpu / result.requests.total)
        total[i] = (total[i] ?? 0) + result.requests.total
      }
    }
    const levels = ['info', 'warn']
    const pooled = (level: string) =>
      servers.flatMap((server, i) => (server.level === level ? (results[i] ?? []) : []))
    const pooledCpu = (level: string) =>
      servers.flatMap((server, i) => (server.level === level ? (cpuPerRequest[i] ?? []) : []))
    const rps = levels.map((level) => median(pooled(level).map((r) => r.requests.average)))
    const cpu = levels.map((level) => median(pooledCpu(level)))
    const [withLog, withoutLog] = rps as [number, number]
    const [cpuWithLog, cpuWithoutLog] = cpu as [number, number]
    const loggedLines = servers
      .filter((server) => server.level === 'info')
      .map((server) => readFileSync(server.logFile, 'utf8').split('\n'))
      .flat()
      .filter((line) =>
        line.includes('"method":"GET","route":"/v1/projects/:projectId/requests"'),
      ).length
    const answered = servers.reduce(
      (sum, server, i) => sum + (server.level === 'info' ? (total[i] ?? 0) : 0),
      0,
    )

    console.log(
      `\n## Request log overhead: GET requests (top of ${REQUESTS_IN_PROJECT}), embedded database, ${CONNECTIONS} connections, median of ${ROUNDS} alternating rounds of ${REQUESTS_PER_ROUND} requests on each of 2 servers per level`,
    )
    console.table(
      levels.map((level, i) => ({
        LOG_LEVEL: level,
        'request log': level === 'info' ? 'on (JSON to a file)' : 'off',
        'req/s (median)': Math.round(rps[i] as number),
        'p50 ms (median)': median(pooled(level).map((r) => r.latency.p50)),
        'p99 ms (median)': median(pooled(level).map((r) => r.latency.p99)),
        'server CPU µs/request (median)': Math.round(cpu[i] as number),
        'non-2xx': pooled(level).reduce((sum, r) => sum + r.non2xx, 0),
      })),
    )
    const cpuOverhead = (cpuWithLog / cpuWithoutLog - 1) * 100
    const lineMicros = microsPerLine(dir)
    const throughputOverhead = (1 - withLog / withoutLog) * 100
    console.log(
      `request log overhead per request (goal < 5 %): ${cpuOverhead.toFixed(1)} % server CPU (${(cpuWithLog - cpuWithoutLog).toFixed(1)} µs), ${throughputOverhead.toFixed(1)} % throughput; ${loggedLines} list request lines written for ${answered} list requests answered`,
    )
    console.log(
      `one request line on its own (pino, redaction, scrubbing, synchronous write to a file): ${lineMicros.toFixed(1)} µs of CPU, ${((lineMicros / cpuWithoutLog) * 100).toFixed(1)} % of the ${Math.round(cpuWithoutLog)} µs a request costs the server without it`,
    )
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM')
      await once(server.child, 'exit')
    }
    rmSync(dir, { recursive: true, force: true })
  }
}
