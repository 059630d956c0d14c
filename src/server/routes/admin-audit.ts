import { Hono } from 'hono'
import type { AuditLogEntry } from '../../shared/api'
import type { AppEnv, RouteDeps } from '../http/env'

/** GET /v1/admin/projects/:id/audit: who did what and when, newest first. */
export function adminAuditRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const project = c.get('project')
    const entries = await deps.store.audit.list(project.id)
    const body: { entries: AuditLogEntry[] } = {
      entries: entries.map(({ at, actor, action, target }) => ({ at, actor, action, target })),
    }
    return c.json(body)
  })
}
