import { Hono } from 'hono'
import type { AuditLogEntry } from '../../shared/api'
import type { AppEnv, RouteDeps } from '../http/env'
import { requireProject } from './admin-project-lookup'

/** GET /v1/admin/projects/:id/audit: who did what and when, newest first. */
export function adminAuditRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/v1/admin/projects/:id/audit', async (c) => {
    const project = await requireProject(deps, c.req.param('id'))
    const entries = await deps.store.audit.list(project.id)
    const body: { entries: AuditLogEntry[] } = {
      entries: entries.map(({ at, actor, action, target }) => ({ at, actor, action, target })),
    }
    return c.json(body)
  })
}
