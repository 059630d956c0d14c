// The container image's steps without Docker (spec v3 "Running in production"): a fresh copy
// of the tree goes through scripts/container.sh exactly as the Dockerfile runs it (build with
// every dependency, then a production install), and the built server starts, answers and stops.
// Also `npm start` on that production install: no rebuild, SIGTERM to npm leaves nothing behind.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs'
import { get } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import packageJson from '../../../package.json' with { type: 'json' }
import { skipUnlessInstalled } from '../../helpers/outside-tools'
import { seedEmbeddedDataDir } from '../../helpers/seed-embedded'

const REPO_ROOT = resolve(import.meta.dirname, '../../..')

/** The tree as git sees it (committed or not, ignored files left out), copied file by file. */
function copyTree(target: string): void {
  const files = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    {
      cwd: REPO_ROOT,
    },
  )
    .toString()
    .split('\0')
    .filter((file) => file && existsSync(join(REPO_ROOT, file)))
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true })
    cpSync(join(REPO_ROOT, file), join(target, file))
  }
}

/**
 * The environment of every command here: an operator's shell, not the test run's (Vitest sets
 * NODE_ENV=test, which would build a development widget), the npm cache first, no database.
 */
function commandEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_prefer_offline: 'true', ...extra }
  for (const name of Object.keys(env)) {
    if (name === 'NODE_ENV' || name === 'DATABASE_URL' || name.startsWith('VITEST'))
      delete env[name]
  }
  return env
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: commandEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) =>
      code === 0
        ? resolvePromise(output)
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
    )
  })
}

interface Started {
  child: ChildProcess
  url: string
  output(): string
  exited: Promise<number | null>
}

/**
 * Spawns a start command and resolves once the banner names the dashboard URL. `seeded`: the
 * data dir starts as the run's migrated template (seed-embedded.ts), for a start whose subject
 * is not a first start's migrations.
 */
function startIn(
  tree: string,
  command: string,
  args: string[],
  { seeded = false } = {},
): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reqio-container-data-'))
  if (seeded) seedEmbeddedDataDir(dataDir)
  const child = spawn(command, args, {
    cwd: tree,
    env: commandEnv({ HOST: '127.0.0.1', PORT: '0', REQIO_DEMO: '0', REQIO_DATA_DIR: dataDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true })
      done(code)
    }),
  )
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`no URL in 120 s:\n${output}`))
    }, 120_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /dashboard:\s+(http:\/\/\S+)\/dashboard/.exec(output)
      if (!match?.[1]) return
      clearTimeout(timer)
      resolvePromise({ child, url: match[1], output: () => output, exited })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`exited ${code} before serving:\n${output}`))
    })
  })
}

function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolvePromise, reject) => {
      get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
      }).on('error', reject)
    },
  )
}

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolvePromise(false)
    })
    socket.once('error', () => resolvePromise(true))
  })
}

/** Every process whose working directory is `dir` (Linux /proc): what would be left running. */
function processesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === dir
      } catch {
        return false
      }
    })
    .map(Number)
}

/** A server start on a busy 2-core machine can take ~20 s; each test allows several. */
const SERVER_TEST_TIMEOUT_MS = 180_000

const skip = skipUnlessInstalled(
  ['npmRegistry'],
  'the container-script test (npm ci in a temp dir)',
)

describe.skipIf(skip)('the container image’s steps on a fresh copy of the tree', () => {
  let tree: string
  beforeAll(async () => {
    tree = mkdtempSync(join(tmpdir(), 'reqio-container-'))
    copyTree(tree)
    await run(join(tree, 'scripts/container.sh'), ['build'], tree)
    await run(join(tree, 'scripts/container.sh'), ['install'], tree)
  }, 600_000)
  afterAll(() => {
    if (!tree) return
    // A test that failed half-way must not leave a server running.
    for (const pid of processesIn(tree)) process.kill(pid, 'SIGKILL')
    rmSync(tree, { recursive: true, force: true })
  })

  it('builds the compiled server, widget.js and the dashboard with .br and .gz copies', () => {
    for (const file of [
      'dist/server/index.js',
      'dist/server/migrations/001_initial.sql',
      'dist/widget.js',
      'dist/widget.js.br',
      'dist/widget.js.gz',
      'dist/dashboard/index.html',
      'dist/dashboard/index.html.br',
    ]) {
      expect(existsSync(join(tree, file)), file).toBe(true)
    }
  })

  it('installs production dependencies only: no vite, tsx, preact or jwt-decode', () => {
    for (const devOnly of ['vite', 'tsx', 'preact', 'jwt-decode', 'vitest']) {
      expect(existsSync(join(tree, 'node_modules', devOnly)), devOnly).toBe(false)
    }
    expect(existsSync(join(tree, 'node_modules/hono'))).toBe(true)
  })

  it(
    'starts the built server: /healthz with the version, widget.js in brotli, SIGTERM exits 0',
    async () => {
      const server = await startIn(tree, join(tree, 'scripts/container.sh'), ['start'])
      const port = Number(new URL(server.url).port)
      try {
        const health = await fetch(`${server.url}/healthz`)
        expect(health.status).toBe(200)
        expect(await health.json()).toEqual({ status: 'ok', version: packageJson.version })
        expect(server.output()).toContain(`Reqio ${packageJson.version}`)
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200)

        const widget = await rawGet(`${server.url}/widget.js`, { 'Accept-Encoding': 'br' })
        expect(widget.status).toBe(200)
        expect(widget.headers['content-encoding']).toBe('br')
        expect(widget.headers.vary).toBe('Accept-Encoding')
        expect(widget.body.equals(readFileSync(join(tree, 'dist/widget.js.br')))).toBe(true)

        const front = await fetch(`${server.url}/`, { redirect: 'manual' })
        expect(front.status).toBe(302)
      } finally {
        server.child.kill('SIGTERM')
      }
      expect(await server.exited).toBe(0)
      expect(await portIsClosed(port)).toBe(true)
    },
    SERVER_TEST_TIMEOUT_MS,
  )

  it(
    'npm start serves the build as it is; SIGTERM to npm stops the server, nothing left running',
    async () => {
      const builtAt = statSync(join(tree, 'dist/server/index.js')).mtimeMs
      // The image's own start (above) migrated a fresh data dir; this one is about npm and signals.
      const server = await startIn(tree, 'npm', ['start'], { seeded: true })
      const port = Number(new URL(server.url).port)
      try {
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
      } finally {
        // The npm process, as Docker, systemd or a PaaS would signal it.
        server.child.kill('SIGTERM')
      }
      await server.exited
      expect(server.output()).toContain('SIGTERM: draining')
      expect(statSync(join(tree, 'dist/server/index.js')).mtimeMs).toBe(builtAt)
      expect(await portIsClosed(port)).toBe(true)
      expect(processesIn(tree)).toEqual([])
    },
    SERVER_TEST_TIMEOUT_MS,
  )

  it(
    'npm start says what to do when the build is stale and vite is not installed',
    async () => {
      const later = new Date(Date.now() + 60_000)
      utimesSync(join(tree, 'src/server/index.ts'), later, later)
      const output = await run('npm', ['start'], tree).then(
        (text) => `unexpected success:\n${text}`,
        (error: Error) => error.message,
      )
      expect(output).toContain('a build is needed (the sources changed since the last build)')
      expect(output).toContain('vite')
      expect(output).toContain('npm install')
    },
    SERVER_TEST_TIMEOUT_MS,
  )
})
