/** The audit log's sentences for tags (spec v3 "Tags"), beside audit-sentence.ts's others. */
import type { AuditLogEntry } from './api/audit'

/** audit-sentence.ts's AuditPart, repeated here so the two files do not import each other. */
type AuditPart =
  | { kind: 'text'; text: string }
  | { kind: 'actor'; text: string }
  | { kind: 'request'; id: string; title: string | null }
  | { kind: 'value'; text: string }

type Described = Omit<AuditLogEntry, 'summary'>

const text = (value: string): AuditPart => ({ kind: 'text', text: value })
const quoted = (shown: unknown): AuditPart => ({ kind: 'value', text: `“${String(shown)}”` })

/** “Billing”, “Mobile” and “API”: names from a stored list (anything else reads as nothing). */
function names(list: unknown): AuditPart[] {
  const shown = Array.isArray(list) ? list.map(String) : []
  return shown.flatMap((name, index) => {
    const separator = index === 0 ? '' : index === shown.length - 1 ? ' and ' : ', '
    return [...(separator ? [text(separator)] : []), quoted(name)]
  })
}

function fromTo(detail: Record<string, unknown>, field: string): { from?: unknown; to?: unknown } {
  const change = detail[field]
  return change && typeof change === 'object' ? (change as { from?: unknown; to?: unknown }) : {}
}

/** The parts after the actor for a tag line, or null when the action is not about tags. */
export function tagAuditPredicate(entry: Described, request: AuditPart): AuditPart[] | null {
  const detail = entry.detail ?? {}
  switch (entry.action) {
    case 'request.tags': {
      const added = names(detail.added)
      const removed = names(detail.removed)
      if (added.length === 0) return [text(' took '), ...removed, text(' off '), request]
      const off = removed.length > 0 ? [text(' and took '), ...removed, text(' off')] : []
      return [text(' tagged '), request, text(' '), ...added, ...off]
    }
    case 'tag.created':
      return [text(' created the tag '), quoted(entry.target)]
    case 'tag.updated': {
      const name = fromTo(detail, 'name')
      if (name.from !== undefined)
        return [text(' renamed the tag '), quoted(name.from), text(' to '), quoted(name.to)]
      return [text(' changed the colour of the tag '), quoted(entry.target)]
    }
    case 'tag.deleted': {
      const count = Number(detail.requests ?? 0)
      const off = count > 0 ? [text(` (off ${count} request${count === 1 ? '' : 's'})`)] : []
      return [text(' deleted the tag '), quoted(entry.target), ...off]
    }
    default:
      return null
  }
}
