/** `GET /v1/admin/projects/{pid}/audit`: who changed what, readable by a PM (spec/api.md). */

/** A request an audit line points at, with its title as it is now. */
export interface AuditRequestRef {
  id: string
  title: string
}

export interface AuditLogEntry {
  at: string
  /** The member's email, 'admin-token' or 'api-key:{name}': what the line was written with. */
  actor: string
  action: string
  /** What it was done to: a request id, a member's email, a comment id… */
  target: string
  /** The member's name when the actor is someone on the team; null otherwise. */
  actorName: string | null
  /** The request the line is about (null when about none, or when it was deleted since). */
  request: AuditRequestRef | null
  /** The other request of a merge or unmerge (the target, or the one left). */
  relatedRequest: AuditRequestRef | null
  /**
   * What changed, as stored, with old → new values where known: `{from, to}` for a request's
   * status or title, `{from, to}` for a member's role. Keys naming secrets are never shown.
   */
  detail: Record<string, unknown> | null
  /** One plain sentence: "Ana changed Dark mode from Planned to Done". */
  summary: string
}

/** `GET /v1/admin/projects/{pid}/audit?limit=&cursor=`: a page of the log, newest first. */
export interface AuditLogResponse {
  entries: AuditLogEntry[]
  /** The next (older) page's `?cursor=`; null on the last page. */
  nextCursor: string | null
}
