/**
 * Two real `npm start` processes on one throwaway PostgreSQL database, for the tests that show
 * several processes behave as one server. Needs DATABASE_URL (CI starts one); outside CI without
 * it the tests are skipped with one line.
 */
import { afterAll, beforeAll } from 'vitest'
import { createThrowawayDatabase, type ThrowawayDatabase } from './postgres-database'
import { type ServerProcess, startServerProcess } from './server-process'

const databaseUrl = process.env.DATABASE_URL

/** Whether the describe block can run here; says once what to install when it cannot. */
export function twoProcessesCanRun(what: string): boolean {
  const canRun = Boolean(databaseUrl) || process.env.CI === 'true'
  if (!canRun)
    console.log(`skipped ${what}: set DATABASE_URL to a PostgreSQL server (Debian: postgresql)`)
  return canRun
}

/**
 * Inside a describe block: before its tests, a new database and two processes started at the
 * same moment with `env` (so migrations must serialise, not collide), handed to `started` with
 * the database;
 * after them, both stopped and the database dropped.
 */
export function withTwoProcesses(
  env: Record<string, string>,
  started: (servers: [ServerProcess, ServerProcess], database: ThrowawayDatabase) => void,
): void {
  let database: ThrowawayDatabase | undefined
  let servers: ServerProcess[] = []
  beforeAll(async () => {
    if (!databaseUrl) throw new Error('CI=true: DATABASE_URL must name a PostgreSQL server')
    database = await createThrowawayDatabase(databaseUrl)
    const processEnv = { ...env, DATABASE_URL: database.url }
    const pair = await Promise.all([startServerProcess(processEnv), startServerProcess(processEnv)])
    servers = pair
    started(pair, database)
  }, 120_000)
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    await database?.drop()
  })
}

/**
 * fetch on one of the processes as the admin token `adminToken` (the REQIO_ADMIN_TOKEN they were
 * started with), with a JSON body: `admin(a, '/v1/admin/projects', { method: 'POST', body })`.
 */
export function adminFetchWith(adminToken: string) {
  return (server: ServerProcess, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    })
}
