/**
 * The audit log's sentences for the team's tools (spec v3 "The team's tools"), beside
 * audit-sentence.ts's others: set-ups, links, and the trackers that move requests.
 */
import type { AuditLogEntry } from './api/audit'

/** audit-sentence.ts's AuditPart, repeated here so the two files do not import each other. */
type AuditPart =
  | { kind: 'text'; text: string }
  | { kind: 'actor'; text: string }
  | { kind: 'request'; id: string; title: string | null }
  | { kind: 'value'; text: string }

type Described = Omit<AuditLogEntry, 'summary'>

const text = (value: string): AuditPart => ({ kind: 'text', text: value })
const value = (shown: unknown): AuditPart => ({ kind: 'value', text: String(shown) })

/** What the audit log calls each tool, and each tracker acting on its own (actor "github"). */
const TOOL_NAMES: Readonly<Record<string, string>> = {
  slack: 'Slack',
  github: 'GitHub',
  linear: 'Linear',
}

/** "GitHub" for the actor a tracker's webhook writes as; null for anyone else. */
export function trackerActorLabel(actor: string): string | null {
  return actor === 'github' || actor === 'linear' ? (TOOL_NAMES[actor] ?? null) : null
}

const toolName = (kind: unknown) => TOOL_NAMES[String(kind)] ?? String(kind)

/** The parts after the actor for a line about the team's tools, or null when it is not one. */
export function integrationAuditPredicate(
  entry: Described,
  request: AuditPart,
): AuditPart[] | null {
  const detail = entry.detail ?? {}
  const issue = typeof detail.url === 'string' ? [text(' '), value(detail.url)] : []
  switch (entry.action) {
    case 'integration.created':
      return [text(' set up '), value(toolName(entry.target))]
    case 'integration.updated':
      return [text(' changed the set-up of '), value(toolName(entry.target))]
    case 'integration.removed':
      return [text(' removed '), value(toolName(entry.target))]
    case 'request.linked':
      return [text(' linked '), request, text(` to a ${toolName(detail.kind)} issue`), ...issue]
    case 'request.issue_created':
      return [text(` created a ${toolName(detail.kind)} issue for `), request, ...issue]
    case 'request.unlinked':
      return [text(' unlinked '), request, text(` from a ${toolName(detail.kind)} issue`), ...issue]
    default:
      return null
  }
}
