/**
 * One real Reqio server process, started the way production starts it, for the start-time and
 * memory figures: spawn → first 200, and its resident memory read from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'

const REPO_ROOT = resolve(import.meta.dirname, '../..')

/**
 * What starts the server: the built tree, as `npm start` runs it (`npm run bench` builds first),
 * one process whose pid is the server's.
 */
export const SERVER_ENTRY: readonly string[] = ['dist/server/index.js']

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdefghijklmnop'

export interface MeasuredServer {
  url: string
  pid: number
  /** Milliseconds from spawn to the first 200 on /widget.js. */
  readyMs: number
  /**
   * CPU time (user + system) the process had used by then, in ms: what the start costs,
   * whatever else the machine's cores were doing (wall time on a busy machine is mostly waiting).
   */
  readyCpuMs: number
  /** VmRSS and VmHWM (the peak) from /proc/<pid>/status, in MB. */
  memory(): { rssMb: number; peakMb: number }
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

/** Starts the server with `env` (DATABASE_URL or REQIO_DATA_DIR) and waits for its first 200. */
export async function startMeasuredServer(env: Record<string, string>): Promise<MeasuredServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = performance.now()
  // The engine is the caller's choice alone: a DATABASE_URL in this process's environment
  // would otherwise turn an embedded measurement into a PostgreSQL one.
  const { DATABASE_URL: _notInherited, ...inherited } = process.env
  const child = spawn(process.execPath, [...SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: String(port),
      REQIO_DEMO: '0',
      REQIO_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      // The load below comes from one IP and thousands of anonymous ids.
      REQIO_RATE_LIMIT_PER_MINUTE: '100000000',
      REQIO_IP_WRITES_PER_MINUTE: '100000000',
      REQIO_IP_READS_PER_MINUTE: '100000000',
      REQIO_ANON_VOTERS_PER_IP_PER_HOUR: '100000000',
      REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk
  })
  const readyMs = await waitForFirst200(`${url}/widget.js`, child, started, () => output)
  const pid = child.pid as number
  const readyCpuMs = readCpuMs(pid)
  return {
    url,
    pid,
    readyMs,
    readyCpuMs,
    memory: () => readMemory(pid),
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await once(child, 'exit')
      clearTimeout(force)
    },
  }
}

async function waitForFirst200(
  url: string,
  child: ChildProcess,
  started: number,
  output: () => string,
): Promise<number> {
  const deadline = started + 120_000
  while (performance.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(url)
      await res.arrayBuffer()
      if (res.status === 200) return performance.now() - started
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 5))
  }
  child.kill('SIGKILL')
  throw new Error(`no 200 on ${url} within 120 s:\n${output()}`)
}

function readMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) }
}

/** utime + stime of /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}
