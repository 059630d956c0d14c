/**
 * `npm start` in a child process (`node scripts/start.mjs`, what its `exec` runs: the built
 * server, dist/server/index.js), for tests of the server process itself or of several on one
 * database. Resolves once it prints its dashboard URL. The run's globalSetup has built dist/
 * when it was stale (database-templates.global.ts), so no two processes build at once.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { seedEmbeddedDataDir } from './seed-embedded'

const REPO_ROOT = resolve(import.meta.dirname, '../..')

export interface ServerProcess {
  url: string
  /** The pid to send signals to: the server's own (start.mjs runs it in its own process). */
  pid: number
  /** Resolves with the exit code (null when a signal ended it) once the process is gone. */
  exited: Promise<number | null>
  /** Its REQIO_DATA_DIR: the one given in env (kept), else a temporary folder removed when it stops. */
  dataDir: string
  /** Everything the process printed so far. */
  output(): string
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>
  /** SIGKILL: a crash, with no draining. */
  kill(): Promise<void>
}

function spawnServer(env: Record<string, string>, onOutput?: (printed: string) => void) {
  const ownDataDir = !env.REQIO_DATA_DIR
  const dataDir = env.REQIO_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'reqio-process-'))
  // A data dir of our own on the embedded database starts as the migrated template
  // (seed-embedded.ts); a test about a fresh data dir passes its own REQIO_DATA_DIR.
  const embedded = !(env.DATABASE_URL ?? process.env.DATABASE_URL)
  if (ownDataDir && embedded) seedEmbeddedDataDir(dataDir)
  const child = spawn(process.execPath, [resolve(REPO_ROOT, 'scripts/start.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, REQIO_DEMO: '0', PORT: '0', REQIO_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    onOutput?.(output)
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    onOutput?.(output)
  })
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const cleanUp = () => {
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true })
  }
  return { child, dataDir, output: () => output, exited, cleanUp }
}

export async function startServerProcess(
  env: Record<string, string>,
  /** Called with everything printed so far, each time it prints (before it is ready too). */
  onOutput?: (printed: string) => void,
): Promise<ServerProcess> {
  const { child, dataDir, output: printed, exited, cleanUp } = spawnServer(env, onOutput)
  const url = await waitForUrl(child, printed).catch(async (error) => {
    child.kill('SIGKILL')
    await exited
    cleanUp()
    throw error
  })
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal)
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(force)
    }
    cleanUp()
  }
  return {
    url,
    pid: child.pid as number,
    exited,
    dataDir,
    output: printed,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  }
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in 60 s:\n${output()}`)), 60_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output()}`))
    })
    const check = () => {
      const match = /dashboard:\s+(http:\/\/\S+)\/dashboard/.exec(output())
      if (!match?.[1]) return
      clearTimeout(timer)
      child.stdout?.off('data', check)
      resolvePromise(match[1])
    }
    child.stdout?.on('data', check)
  })
}

/**
 * A server process expected to stop by itself (refused start): resolves with its exit code and
 * what it printed, or rejects if it still runs after `timeoutMs` (then it is killed).
 */
export async function runServerProcessToExit(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  const { child, output, exited, cleanUp } = spawnServer(env)
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const code = await exited
  clearTimeout(timer)
  cleanUp()
  if (child.signalCode === 'SIGKILL')
    throw new Error(`still running after ${timeoutMs} ms:\n${output()}`)
  return { code, output: output() }
}
