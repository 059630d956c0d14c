import type { MiddlewareHandler } from 'hono'
import type { Clock } from '../clock'
import type { Logger } from '../logger'
import type { OriginsStore } from '../store/origins-store'
import { requestOrigin } from './client-address'
import type { AppEnv } from './env'

/** A sighting is written at most this often per project and origin, not on every request. */
export const ORIGIN_WRITE_INTERVAL_MS = 60_000
/** Past this many remembered keys the memory starts over (a few extra writes, bounded memory). */
const MAX_REMEMBERED = 10_000
const ORIGIN_PATTERN =
  /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/

/**
 * Records the page origin public requests come from ("widget seen on <origin>"), after the
 * project is resolved. The server's own origin (the dashboard's previews, the demo page) is
 * not the owner's site and is skipped. Writing is throttled in memory, per project and origin.
 */
export function recordWidgetOrigin(deps: {
  origins: OriginsStore
  clock: Clock
  logger: Logger
}): MiddlewareHandler<AppEnv> {
  const lastWritten = new Map<string, number>()
  return async (c, next) => {
    await next()
    const origin = c.req.header('Origin')
    if (!origin || origin.length > 200 || !ORIGIN_PATTERN.test(origin)) return
    if (c.res.status >= 400 || c.req.method === 'OPTIONS') return
    if (origin === requestOrigin(c)) return
    const project = c.get('project')
    if (!project) return
    const key = `${project.id}\u0000${origin}`
    const now = deps.clock.now()
    const last = lastWritten.get(key)
    if (last !== undefined && now - last < ORIGIN_WRITE_INTERVAL_MS) return
    if (lastWritten.size >= MAX_REMEMBERED) lastWritten.clear()
    lastWritten.set(key, now)
    try {
      await deps.origins.record(project.id, origin, now)
    } catch (error) {
      deps.logger.warn(`could not record the widget origin: ${String(error)}`)
    }
  }
}
