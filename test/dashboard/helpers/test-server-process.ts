/**
 * startTestServer() (test/helpers/start-server.ts) for happy-dom tests, in a Node process of its
 * own (serve-test-server.ts). Not `npm start` in a process: that one is startServerProcess()
 * in test/helpers/server-process.ts. Its database is a copy of the run's migrated template.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import type { CreatedProjectResponse } from '../../../src/shared/api'

export interface DashboardTestServer {
  url: string
  adminToken: string
  createProject(name: string): Promise<CreatedProjectResponse>
  adminFetch(path: string, init?: RequestInit): Promise<Response>
  close(): Promise<void>
}

const REPO_ROOT = resolve(import.meta.dirname, '../../..')

export interface TestServerProcessOptions {
  /** An owner account that exists from the start (team accounts), signed in nowhere. */
  owner?: { email: string; password: string }
}

export async function startTestServerProcess(
  options: TestServerProcessOptions = {},
): Promise<DashboardTestServer> {
  const env = { ...process.env }
  if (options.owner) env.REQIO_TEST_OWNER = `${options.owner.email} ${options.owner.password}`
  const child = spawn(
    resolve(REPO_ROOT, 'node_modules/.bin/tsx'),
    [resolve(import.meta.dirname, 'serve-test-server.ts')],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'], env },
  )
  const { url, adminToken } = await firstLine(child)
  const adminFetch = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${adminToken}`,
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
    })
  return {
    url,
    adminToken,
    adminFetch,
    async createProject(name) {
      const response = await adminFetch('/v1/admin/projects', {
        method: 'POST',
        body: JSON.stringify({ name }),
      })
      if (response.status !== 201)
        throw new Error(`createProject answered ${response.status}: ${await response.text()}`)
      return (await response.json()) as CreatedProjectResponse
    },
    close: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done())
        child.stdin?.end()
      }),
  }
}

function firstLine(child: ChildProcess): Promise<{ url: string; adminToken: string }> {
  return new Promise((resolvePromise, reject) => {
    let buffered = ''
    child.once('exit', (code) => reject(new Error(`test server exited early with ${code}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const newline = buffered.indexOf('\n')
      if (newline >= 0) resolvePromise(JSON.parse(buffered.slice(0, newline)))
    })
  })
}
