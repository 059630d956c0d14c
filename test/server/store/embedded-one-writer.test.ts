/**
 * The embedded database has one writer (spec/api.md v3 "Running in production"): two real
 * server processes on one REQIO_DATA_DIR, the second refused with the first one's pid, and a
 * lock left by `kill -9` no obstacle to the next start.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CreatedProjectResponse, FeedbackRequest } from '../../../src/shared/api'
import { seedEmbeddedDataDir } from '../../helpers/seed-embedded'
import {
  runServerProcessToExit,
  type ServerProcess,
  startServerProcess,
} from '../../helpers/server-process'

describe('one process on an embedded data dir', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'reqio-one-writer-'))
  // The lock is the subject, not the first start's migrations: start from the migrated template.
  seedEmbeddedDataDir(dataDir)
  const adminToken = randomBytes(24).toString('base64url')
  // DATABASE_URL cleared: CI sets it for the PostgreSQL tests, and these are about the embedded one.
  const env = { REQIO_DATA_DIR: dataDir, REQIO_ADMIN_TOKEN: adminToken, DATABASE_URL: '' }
  const lockFile = join(dataDir, 'pglite.lock')
  const running: ServerProcess[] = []
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()))
    rmSync(dataDir, { recursive: true, force: true })
  })

  const start = async () => {
    const server = await startServerProcess(env)
    running.push(server)
    return server
  }
  const admin = (server: ServerProcess, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    })
  const titles = async (server: ServerProcess, projectId: string) => {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`)
    expect(res.status).toBe(200)
    return ((await res.json()) as { requests: FeedbackRequest[] }).requests.map((r) => r.title)
  }

  /**
   * The pid the lock names. `npm start` runs the server under a launcher (tsx, npm) whose own
   * pid is not the server's, so the test reads the holder from where the server writes it.
   */
  const lockHolderPid = () => JSON.parse(readFileSync(lockFile, 'utf8')).pid as number
  /** kill -9 of the server itself, as an OOM killer or a crash would end it. */
  const killHard = async (server: ServerProcess) => {
    process.kill(lockHolderPid(), 'SIGKILL')
    await server.stop()
    running.splice(running.indexOf(server), 1)
  }

  let projectId = ''

  it('refuses a second process within 10 s, naming the pid that holds the lock, and the first goes on', async () => {
    const first = await start()
    const created = await admin(first, '/v1/admin/projects', {
      method: 'POST',
      body: JSON.stringify({ name: 'Acme' }),
    })
    expect(created.status).toBe(201)
    projectId = ((await created.json()) as CreatedProjectResponse).project.id

    const holder = lockHolderPid()
    const startedAt = Date.now()
    const second = await runServerProcessToExit(env, 30_000)
    const took = Date.now() - startedAt
    expect(second.code).not.toBe(0)
    expect(second.code).not.toBeNull()
    expect(second.output).toContain(`pid ${holder}`)
    expect(second.output).not.toMatch(/dashboard:/)
    expect(took).toBeLessThan(10_000)

    // The first still serves, and a write it acknowledges now is kept across its restart.
    const submitted = await fetch(`${first.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-one-writer' },
      body: JSON.stringify({ title: 'Written while refused' }),
    })
    expect(submitted.status).toBe(201)
    expect(lockHolderPid()).toBe(holder)

    await first.stop()
    running.splice(running.indexOf(first), 1)
    expect(existsSync(lockFile)).toBe(false)
    const again = await start()
    expect(await titles(again, projectId)).toEqual(['Written while refused'])
  }, 60_000)

  it('starts after the holder was killed with kill -9, its lock file still there', async () => {
    const before = readFileSync(lockFile, 'utf8')
    const killedPid = lockHolderPid()
    await killHard(running[0] as ServerProcess)
    expect(readFileSync(lockFile, 'utf8')).toBe(before)

    await start()
    const next = running[0] as ServerProcess
    expect(await titles(next, projectId)).toEqual(['Written while refused'])
    expect(lockHolderPid()).not.toBe(killedPid)
  }, 60_000)

  it('takes over a lock whose pid now names another process (pid reuse)', async () => {
    await killHard(running[0] as ServerProcess)
    // What a crash leaves when the pid is later reused: a live process (this test runner),
    // but one that started at another time than the lock records.
    const stale = JSON.parse(readFileSync(lockFile, 'utf8'))
    writeFileSync(lockFile, JSON.stringify({ ...stale, pid: process.pid }))

    const next = await start()
    expect(await titles(next, projectId)).toEqual(['Written while refused'])
  }, 60_000)
})
