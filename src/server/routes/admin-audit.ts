import { Hono } from 'hono'
import * as v from 'valibot'
import type { AuditLogResponse } from '../../shared/api'
import { requestIdsOf, toAuditLogEntries } from '../http/audit-wire'
import type { AppEnv, RouteDeps } from '../http/env'
import { parseOrFail } from '../http/json-body'
import { optionalListCursor, pageOf } from '../http/list-cursor'
import { AUDIT_KEYSET } from '../store/audit-store'
import { keyShape } from '../store/keyset'
import { AdminListLimitSchema } from './admin-list-limit'

/** Lines per page when `?limit=` is absent: what the log always answered. */
const AUDIT_PAGE_DEFAULT = 200

/** `?limit=&cursor=` of the log (exported for the API's description). */
export const AuditQuerySchema = v.object({
  limit: AdminListLimitSchema,
  cursor: v.optional(v.string()),
})

/**
 * GET /v1/admin/projects/:id/audit: who did what and when, newest first, readable as it stands:
 * members by name, requests by their title, old → new values and a sentence per line. Older
 * lines page back with `?cursor=` (nextCursor).
 */
export function adminAuditRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const project = c.get('project')
    const query = parseOrFail(AuditQuerySchema, {
      limit: c.req.query('limit'),
      cursor: c.req.query('cursor'),
    })
    const limit = query.limit ?? AUDIT_PAGE_DEFAULT
    const after = optionalListCursor(query.cursor, 'audit', keyShape(AUDIT_KEYSET))
    const page = pageOf(
      await deps.store.audit.list(project.id, limit + 1, after),
      limit,
      'audit',
      (entry) => entry.key,
    )
    const entries = page.rows
    const requestIds = entries.flatMap((entry) => {
      const { about, related } = requestIdsOf(entry)
      return [about, related].filter((id): id is string => id !== null)
    })
    const [members, requestTitles] = await Promise.all([
      deps.store.members.list(),
      deps.store.audit.requestTitles(project.id, requestIds),
    ])
    const body: AuditLogResponse = {
      entries: toAuditLogEntries(entries, {
        members: new Map(members.map((member) => [member.email, member.name])),
        requestTitles,
      }),
      nextCursor: page.nextCursor,
    }
    return c.json(body)
  })
}
