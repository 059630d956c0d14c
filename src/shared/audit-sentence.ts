/**
 * The audit log as sentences a PM reads ("Ana changed *Dark mode* from Planned to Done"): the
 * server joins the parts into `summary`, the dashboard renders them with the request linked.
 */
import type { AuditLogEntry, AuditRequestRef } from './api/audit'
import { integrationAuditPredicate, trackerActorLabel } from './integration-audit-sentence'
import { statusLabel } from './status-labels'
import { tagAuditPredicate } from './tag-audit-sentence'

export type AuditPart =
  | { kind: 'text'; text: string }
  /** Who did it: a name, an email, "The admin token", an API key. */
  | { kind: 'actor'; text: string }
  /** A request, by its title, to link to; `title` null when it was deleted since. */
  | { kind: 'request'; id: string; title: string | null }
  /** An old or new value: a status, a role, a title. */
  | { kind: 'value'; text: string }

type Described = Omit<AuditLogEntry, 'summary'>

const text = (value: string): AuditPart => ({ kind: 'text', text: value })
const value = (shown: unknown): AuditPart => ({ kind: 'value', text: String(shown) })
const quoted = (shown: unknown): AuditPart => value(`“${String(shown)}”`)

function requestPart(ref: AuditRequestRef | null, id: string): AuditPart {
  return ref
    ? { kind: 'request', id: ref.id, title: ref.title }
    : { kind: 'request', id, title: null }
}

/** "Ana", "ana@example.com", "The admin token", "API key “ci”". */
export function actorLabel(entry: Pick<AuditLogEntry, 'actor' | 'actorName'>): string {
  if (entry.actorName) return entry.actorName
  if (entry.actor === 'admin-token') return 'The admin token'
  if (entry.actor.startsWith('api-key:')) return `API key “${entry.actor.slice(8)}”`
  return trackerActorLabel(entry.actor) ?? entry.actor
}

/** The parts after the actor, by action; an action not listed reads "did x.y on target". */
function predicate(entry: Described): AuditPart[] {
  const detail = entry.detail ?? {}
  const request = requestPart(entry.request, entry.target)
  const title = detail.title
  const aboutTags = tagAuditPredicate(entry, request)
  if (aboutTags) return aboutTags
  const aboutTools = integrationAuditPredicate(entry, request)
  if (aboutTools) return aboutTools
  switch (entry.action) {
    case 'request.status': {
      const to = value(statusLabel(detail.to ?? detail.status))
      const shipped = detail.changelogEntry ? [text(' by publishing a changelog entry')] : []
      if (detail.from !== undefined && detail.from !== null)
        return [
          text(' changed '),
          request,
          text(' from '),
          value(statusLabel(detail.from)),
          text(' to '),
          to,
          ...shipped,
        ]
      return [text(' moved '), request, text(' to '), to, ...shipped]
    }
    case 'request.title':
      if (detail.from !== undefined)
        return [
          text(' renamed '),
          request,
          text(' from '),
          quoted(detail.from),
          text(' to '),
          quoted(detail.to ?? detail.title),
        ]
      return [text(' renamed '), request, text(' to '), quoted(detail.to ?? detail.title)]
    case 'request.statusNote': {
      const note = detail.to ?? detail.statusNote
      if (note === null || note === undefined || note === '')
        return [text(' cleared the public note on '), request]
      return [text(' set the public note on '), request, text(': '), quoted(note)]
    }
    case 'request.merged':
      return [
        text(' merged '),
        request,
        text(' into '),
        requestPart(entry.relatedRequest, String(detail.mergeInto)),
      ]
    case 'request.unmerged':
      return [
        text(' unmerged '),
        request,
        text(' from '),
        requestPart(entry.relatedRequest, String(detail.from)),
      ]
    // v3 moderation (spec "Spam and deletion").
    case 'request.deleted':
      return [text(' deleted '), request]
    case 'request.restored':
      return [text(' restored '), request]
    case 'request.approved':
      return [text(' approved '), request]
    case 'comment.replied':
      return [text(' replied on '), request]
    case 'comment.note':
      return [text(' added an internal note on '), request]
    case 'comment.hidden':
      return [text(' hid a comment on '), request]
    case 'comment.unhidden':
      return [text(' showed a hidden comment again on '), request]
    case 'comment.deleted':
      return [text(' deleted a comment on '), request]
    case 'changelog.published':
      return [text(' published '), quoted(title)]
    case 'changelog.updated':
      return [text(' edited the published entry '), quoted(title)]
    case 'changelog.unpublished':
      return [text(' unpublished '), quoted(title)]
    case 'changelog.deleted':
      return [text(' deleted the published entry '), quoted(title)]
    case 'project.created':
      return [text(' created the project')]
    case 'project.renamed':
      return [text(' renamed the project to '), quoted(detail.name)]
    case 'settings.changed':
      // Settings › Widget saves only `settings.widget`: say which page it was.
      return isOnlyWidget(detail.settings)
        ? [text(' changed the widget’s look and tabs')]
        : [text(' changed the project settings')]
    case 'secret.rotated':
      return [text(' rotated the identity secret')]
    case 'webhook.created':
      return [text(' added a webhook to '), value(entry.target)]
    case 'webhook.deleted':
      return [text(' deleted the webhook to '), value(entry.target)]
    case 'webhook.secret_rotated':
      return [text(' rotated the signing secret of the webhook to '), value(entry.target)]
    case 'member.invited':
      return [text(' invited '), value(entry.target), text(' as '), value(detail.role)]
    case 'invite.revoked':
      return [text(' revoked the invite of '), value(entry.target)]
    case 'member.created':
      return [text(' created the owner account '), value(entry.target)]
    case 'member.joined':
      return [text(' joined the team as '), value(detail.role)]
    case 'member.role_changed':
      return [
        text(' changed the role of '),
        value(entry.target),
        text(' from '),
        value(detail.from),
        text(' to '),
        value(detail.to),
      ]
    case 'member.removed':
      return [text(' removed '), value(entry.target), text(' from the team')]
    case 'member.reset_link_issued':
      return [text(' made a password reset link for '), value(entry.target)]
    case 'member.password_reset':
      return [text(' set a new password with a reset link')]
    case 'member.password_changed':
      return [text(' changed their password')]
    // On a customer's behalf (spec v3): `detail.onBehalfOf` is the person's sub.
    case 'request.created':
      return [text(' filed '), request, text(' for a customer'), ...customer(detail)]
    case 'vote.added':
      return [text(' added a vote for a customer'), ...customer(detail), text(' to '), request]
    case 'vote.removed':
      return [text(' took back the vote of a customer'), ...customer(detail), text(' on '), request]
    case 'comment.created':
      return [text(' commented for a customer'), ...customer(detail), text(' on '), request]
    case 'person.deleted':
      return [text(' deleted the data of a person')]
    default:
      return [
        text(' did '),
        value(entry.action),
        ...(entry.target ? [text(' on '), value(entry.target)] : []),
      ]
  }
}

/** " (crm-42)": which customer an on-behalf line was for, by the sub only (never email or name). */
function customer(detail: Record<string, unknown>): AuditPart[] {
  return typeof detail.onBehalfOf === 'string'
    ? [text(' ('), value(detail.onBehalfOf), text(')')]
    : []
}

function isOnlyWidget(settings: unknown): boolean {
  return (
    typeof settings === 'object' && settings !== null && Object.keys(settings).join() === 'widget'
  )
}

export function describeAuditEntry(entry: Described): AuditPart[] {
  return [{ kind: 'actor', text: actorLabel(entry) }, ...predicate(entry)]
}

/** The parts as one plain sentence; a deleted request reads "a deleted request". */
export function auditSummary(entry: Described): string {
  return describeAuditEntry(entry)
    .map((part) => (part.kind === 'request' ? (part.title ?? 'a deleted request') : part.text))
    .join('')
}
