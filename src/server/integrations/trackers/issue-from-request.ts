import type { RequestRecord } from '../../store'
import type { NewIssue } from './issue-tracker'

/** The longest request text an issue body carries; the link back holds the rest. */
const BODY_MAX_CHARS = 10_000

/** The request in the dashboard's drawer, as a teammate is sent it. */
export function dashboardRequestUrl(base: string, projectId: string, requestId: string): string {
  return `${base.replace(/\/+$/, '')}/dashboard/p/${encodeURIComponent(projectId)}/requests/${encodeURIComponent(requestId)}`
}

/**
 * The issue "Create GitHub issue" (or Linear) makes from a request: its title, its text and a
 * link back to it in the dashboard. Nothing about who asked: a tracker may be public.
 */
export function issueFromRequest(
  request: Pick<RequestRecord, 'id' | 'projectId' | 'title' | 'body'>,
  base: string,
): NewIssue {
  const requestUrl = dashboardRequestUrl(base, request.projectId, request.id)
  const text =
    request.body.length > BODY_MAX_CHARS
      ? `${request.body.slice(0, BODY_MAX_CHARS)}…`
      : request.body
  const body = `${text}${text ? '\n\n---\n' : ''}From Reqio: ${requestUrl}`
  return { title: request.title, body, requestUrl }
}
