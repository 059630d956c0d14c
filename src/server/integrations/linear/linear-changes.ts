import type { RequestStatus } from '../../../shared/api'
import type { InboundChange, IssueRef } from '../trackers/issue-tracker'

/**
 * What a Linear issue's workflow state means for the requests linked to it (spec/api.md v3
 * "Issue trackers"). Linear's teams name their states freely ("Shipped", "QA"), but each state
 * has one of six fixed types; only these three move a request. `triage`, `backlog` and
 * `unstarted` leave it where the team put it.
 */
export const STATUS_BY_LINEAR_STATE_TYPE: ReadonlyMap<string, RequestStatus> = new Map([
  ['completed', 'done'],
  ['started', 'in_progress'],
  ['canceled', 'declined'],
])

/** A Linear issue identifier: the team's key, a dash, the issue's number (ENG-123). */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,9}-[1-9][0-9]{0,9}$/

/** `eng-123` and `ENG-123` name the same issue; Linear writes the key in capitals. */
export function linearIdentifierOf(text: unknown): string | null {
  return typeof text === 'string' && IDENTIFIER.test(text) ? text.toUpperCase() : null
}

/**
 * `https://linear.app/{workspace}/issue/{KEY-n}/{slug}`: the identifier is the issue; the slug
 * is its title at the time the URL was copied and changes with it, so it is dropped (as are a
 * query and a fragment). Null when the URL is not a Linear issue's.
 */
export function parseLinearIssueUrl(text: string): IssueRef | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (url.hostname.toLowerCase() !== 'linear.app' || url.username || url.password) return null
  const [workspace, issue, identifier, _slug, ...rest] = url.pathname.split('/').slice(1)
  if (!workspace || issue !== 'issue' || rest.length > 0) return null
  const key = linearIdentifierOf(identifier)
  if (!key || !/^[A-Za-z0-9_-]+$/.test(workspace)) return null
  return { key, url: `https://linear.app/${workspace.toLowerCase()}/issue/${key}` }
}

/** The parts of Linear's data-change webhook (https://linear.app/developers/webhooks) read here. */
interface LinearIssueEvent {
  type?: unknown
  action?: unknown
  data?: { identifier?: unknown; state?: { type?: unknown } | null } | null
  /** The previous values of the fields that changed: `stateId` is there when the state moved. */
  updatedFrom?: Record<string, unknown> | null
}

/**
 * The change a verified Linear delivery asks for: an Issue update whose workflow state moved
 * into a started, completed or canceled state. Everything else (comments, labels, a new title,
 * an issue created already done) moves nothing, so a team's manual status in Reqio is not
 * overwritten by unrelated edits in Linear.
 */
export function readLinearChange(rawBody: string): InboundChange | null {
  let event: LinearIssueEvent
  try {
    event = JSON.parse(rawBody) as LinearIssueEvent
  } catch {
    return null
  }
  if (typeof event !== 'object' || event === null) return null
  if (event.type !== 'Issue' || event.action !== 'update') return null
  if (!event.updatedFrom || typeof event.updatedFrom !== 'object') return null
  if (!('stateId' in event.updatedFrom)) return null
  const issueKey = linearIdentifierOf(event.data?.identifier)
  const stateType = event.data?.state?.type
  const status =
    typeof stateType === 'string' ? STATUS_BY_LINEAR_STATE_TYPE.get(stateType) : undefined
  if (!issueKey || !status) return null
  return { issueKey, status }
}
