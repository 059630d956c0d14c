import { Hono } from 'hono'
import type { AuditLogEntry } from '../../shared/api'
import { requestIdsOf, toAuditLogEntries } from '../http/audit-wire'
import type { AppEnv, RouteDeps } from '../http/env'

/**
 * GET /v1/admin/projects/:id/audit: who did what and when, newest first, readable as it stands:
 * members by name, requests by their title, old → new values and a sentence per line.
 */
export function adminAuditRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const project = c.get('project')
    const entries = await deps.store.audit.list(project.id)
    const requestIds = entries.flatMap((entry) => {
      const { about, related } = requestIdsOf(entry)
      return [about, related].filter((id): id is string => id !== null)
    })
    const [members, requestTitles] = await Promise.all([
      deps.store.members.list(),
      deps.store.audit.requestTitles(project.id, requestIds),
    ])
    const body: { entries: AuditLogEntry[] } = {
      entries: toAuditLogEntries(entries, {
        members: new Map(members.map((member) => [member.email, member.name])),
        requestTitles,
      }),
    }
    return c.json(body)
  })
}
