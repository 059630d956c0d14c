import type { AuditLogEntry, AuditRequestRef } from '../../shared/api'
import { auditSummary } from '../../shared/audit-sentence'
import type { AuditEntry } from '../store/audit-store'

/** Request fields whose audit lines carry the new value under their own name. */
const REQUEST_FIELDS = ['status', 'title', 'statusNote'] as const

/** Detail keys never answered, whatever a route once stored: a secret must not leak via the log. */
const SECRET_KEY = /secret|token|password|hash|smtp/i

/** The ids of requests a line names: what it was done to, and the other side of a merge. */
export function requestIdsOf(entry: AuditEntry): { about: string | null; related: string | null } {
  const detail = entry.detail ?? {}
  const { action, target } = entry
  if (action.startsWith('request.')) {
    const related = detail.mergeInto ?? (action === 'request.unmerged' ? detail.from : undefined)
    return { about: target, related: typeof related === 'string' ? related : null }
  }
  if (action === 'comment.replied' || action === 'comment.note')
    return { about: target, related: null }
  if (action.startsWith('comment.') && typeof detail.requestId === 'string')
    return { about: detail.requestId, related: null }
  return { about: null, related: null }
}

function withoutSecrets(detail: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(detail)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, shown]) => [
        key,
        shown && typeof shown === 'object' && !Array.isArray(shown)
          ? withoutSecrets(shown as Record<string, unknown>)
          : shown,
      ]),
  )
}

/**
 * `{from, to}` for a request's status, title or note. Lines written before `from` was stored
 * take it from the previous line on the same field of the same request, when the page holds one.
 */
function withFromTo(entry: AuditEntry, older: AuditEntry[]): Record<string, unknown> | null {
  if (!entry.detail) return null
  const detail = withoutSecrets(entry.detail)
  const field = REQUEST_FIELDS.find((name) => entry.action === `request.${name}`)
  if (!field || !(field in detail)) return detail
  const previous = older.find(
    (line) => line.action === entry.action && line.target === entry.target && line.detail,
  )
  const from =
    'from' in detail
      ? detail.from
      : field in (previous?.detail ?? {})
        ? previous?.detail?.[field]
        : undefined
  return { ...detail, to: detail[field], ...(from === undefined ? {} : { from }) }
}

/**
 * Audit lines as the API answers them (spec/api.md "Team accounts"): the stored fields, plus the
 * actor's name, the requests named with their titles, old → new values and one sentence.
 * `entries` is newest first.
 */
export function toAuditLogEntries(
  entries: AuditEntry[],
  names: { members: Map<string, string>; requestTitles: Map<string, string> },
): AuditLogEntry[] {
  const ref = (id: string | null): AuditRequestRef | null => {
    const title = id === null ? undefined : names.requestTitles.get(id)
    return id !== null && title !== undefined ? { id, title } : null
  }
  return entries.map((entry, index) => {
    const { about, related } = requestIdsOf(entry)
    const described = {
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      actorName: names.members.get(entry.actor) ?? null,
      request: ref(about),
      relatedRequest: ref(related),
      detail: withFromTo(entry, entries.slice(index + 1)),
    }
    return { ...described, summary: auditSummary(described) }
  })
}
