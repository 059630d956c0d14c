import type { InboundChange, InboundDelivery } from '../trackers/issue-tracker'
import { gitHubIssueKey } from './github-issue-url'

/** The `issues` actions that move linked requests; every other action and event changes nothing. */
const STATUS_OF_ACTION = {
  closed: 'done',
  reopened: 'in_progress',
} as const

interface IssuesPayload {
  action?: unknown
  issue?: { number?: unknown }
  repository?: { full_name?: unknown }
}

/**
 * What a verified GitHub delivery means for linked requests: `X-GitHub-Event: issues` with
 * action `closed` → done, `reopened` → in_progress; `ping`, other events and other actions →
 * null (answered 2xx, nothing changes).
 */
export function readGitHubIssueEvent(delivery: InboundDelivery): InboundChange | null {
  if (delivery.header('x-github-event') !== 'issues') return null
  const payload = payloadOf(delivery)
  if (!payload) return null
  const action = payload?.action
  if (action !== 'closed' && action !== 'reopened') return null
  const issueNumber = payload.issue?.number
  const repository = payload.repository?.full_name
  if (typeof issueNumber !== 'number' || typeof repository !== 'string') return null
  return { issueKey: gitHubIssueKey(repository, issueNumber), status: STATUS_OF_ACTION[action] }
}

/**
 * The event's JSON: the body itself (content type application/json, as the README says to
 * pick), or its `payload` field when the webhook was left at GitHub's form encoding.
 */
function payloadOf(delivery: InboundDelivery): IssuesPayload | null {
  const isForm = (delivery.header('content-type') ?? '').startsWith(
    'application/x-www-form-urlencoded',
  )
  try {
    const json = isForm ? new URLSearchParams(delivery.rawBody).get('payload') : delivery.rawBody
    const parsed: unknown = json === null ? null : JSON.parse(json)
    return parsed && typeof parsed === 'object' ? (parsed as IssuesPayload) : null
  } catch {
    return null
  }
}
