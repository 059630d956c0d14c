import { Hono } from 'hono'
import type { AppEnv, RouteDeps } from '../http/env'
import { databaseIsReady, latestMigrationVersion } from '../store/readiness'
import { VERSION } from '../version'

/** A database that has not answered within this long counts as away (the probe must answer fast). */
export const READINESS_TIMEOUT_MS = 2_000

/** Resolves false when `check` rejects or takes longer than timeoutMs. */
async function withinTimeout(check: Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  try {
    return await Promise.race([check.catch(() => false), timedOut])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * GET /healthz (the process runs; never touches the database) and GET /readyz (this process
 * should get traffic: the database answers with every migration applied, and it is not
 * draining). Mounted before every limit and auth check; never cached.
 */
export function probeRoutes(deps: RouteDeps) {
  const latestMigration = latestMigrationVersion()
  return new Hono<AppEnv>()
    .get('/healthz', (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json({ status: 'ok', version: VERSION })
    })
    .get('/readyz', async (c) => {
      c.header('Cache-Control', 'no-store')
      if (deps.lifecycle.draining) return c.json({ status: 'draining' }, 503)
      const ready = await withinTimeout(
        databaseIsReady(deps.store.db, latestMigration),
        READINESS_TIMEOUT_MS,
      )
      if (deps.lifecycle.draining) return c.json({ status: 'draining' }, 503)
      return ready
        ? c.json({ status: 'ready', version: VERSION })
        : c.json({ status: 'unavailable' }, 503)
    })
}
