import * as v from 'valibot'
import { NextCursorSchema, Timestamp } from './admin-common'

/** `AuditRequestRef`: a request a line names, with its title as it is now. */
const AuditRequestRefSchema = v.object({ id: v.string(), title: v.string() })

/** `AuditLogEntry`: the stored line, plus names, titles, old → new values and a sentence. */
export const AuditLogEntrySchema = v.object({
  at: Timestamp,
  actor: v.string(),
  action: v.string(),
  target: v.string(),
  actorName: v.nullable(v.string()),
  request: v.nullable(AuditRequestRefSchema),
  relatedRequest: v.nullable(AuditRequestRefSchema),
  detail: v.nullable(v.record(v.string(), v.unknown())),
  summary: v.string(),
})

/** `GET /v1/admin/projects/{id}/audit`, newest first. */
export const AuditLogResponseSchema = v.object({
  entries: v.array(AuditLogEntrySchema),
  nextCursor: NextCursorSchema,
})
