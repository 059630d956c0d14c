import { SLACK_EVENT_TYPES } from '../../../shared/api/slack'
import type { ReqioEvent } from '../../events/events'
import type { SqlExecutor } from '../../store/db'
import { insertJob } from '../../store/job-inserts'
import {
  type SlackAccount,
  type SlackRequestFacts,
  slackAccountOf,
  slackListeners,
  slackRequestFacts,
  slackShippedTotals,
} from '../../store/slack-facts'

/**
 * Who in Slack hears what: a project's channel hears the event types its set-up names, of
 * comments only the customers' (not the team's replies, not internal notes), of request
 * changes only a new status. What the message will say is read here, in the fan-out's
 * transaction, as it stood when the event happened; slack-message.ts words it when it is sent.
 */

/** A request as a message shows it. */
export interface NewsRequest {
  id: string
  title: string
  /** The start of its text (BODY_EXCERPT characters at most). */
  excerpt: string
  votes: number
  accounts: number
  mrrCents: number
}

/** What one Slack message is about: a job's payload. */
export type SlackNews =
  | { type: 'request.created'; request: NewsRequest; asker: SlackAccount | null }
  | {
      type: 'comment.created'
      request: NewsRequest
      /** Null for an anonymous visitor: then `authorName` is all there is. */
      commenter: SlackAccount | null
      authorName: string
      excerpt: string
    }
  | {
      type: 'request.updated'
      request: NewsRequest
      from: string
      to: string
      note: string | null
    }
  | {
      type: 'changelog.published'
      entry: { id: string; title: string }
      requests: NewsRequest[]
      /** Distinct accounts behind the shipped requests, each counted once, and their MRR. */
      shipped: { accounts: number; mrrCents: number }
    }
  | { type: 'test'; projectName: string }

export interface SlackJobPayload {
  news: SlackNews
}

/** Enough of a request or comment to read in the channel; the link leads to the rest. */
const BODY_EXCERPT = 500

/** One project's Slack messages share a lane: a few at a time (Slack allows about one a second). */
export function slackLane(projectId: string): string {
  return `slack:${projectId}`
}

const SLACK_TYPES: ReadonlySet<string> = new Set(SLACK_EVENT_TYPES)

/** Whether any channel could want `event`, before reading anything. */
function mayTellSlack(event: ReqioEvent): boolean {
  if (!SLACK_TYPES.has(event.type)) return false
  if (event.type === 'comment.created') return event.kind !== 'team' && !event.internal
  if (event.type === 'request.updated') {
    const status = event.changes.status
    return status !== undefined && status.from !== status.to
  }
  return true
}

/**
 * Queues a 'slack' job for each of `events` that a project's channel hears, in `tx` (the
 * transaction that fans the batch out, where webhook deliveries are queued too). A batch with
 * nothing for Slack (votes) reads nothing.
 */
export async function queueSlackNews(
  tx: SqlExecutor,
  events: readonly ReqioEvent[],
  now: number,
): Promise<number> {
  const candidates = events.filter(mayTellSlack)
  if (candidates.length === 0) return 0
  const listeners = await slackListeners(tx, [...new Set(candidates.map((e) => e.projectId))])
  let queued = 0
  for (const event of candidates) {
    if (!listeners.get(event.projectId)?.has(event.type)) continue
    const news = await newsOf(tx, event)
    if (!news) continue
    await queueSlackJob(tx, event.projectId, news, now)
    queued++
  }
  return queued
}

export async function queueSlackJob(
  tx: SqlExecutor,
  projectId: string,
  news: SlackNews,
  now: number,
): Promise<void> {
  const payload: SlackJobPayload = { news }
  await insertJob(tx, {
    projectId,
    kind: 'slack',
    lane: slackLane(projectId),
    payload,
    runAt: now,
    now,
  })
}

async function newsOf(tx: SqlExecutor, event: ReqioEvent): Promise<SlackNews | null> {
  switch (event.type) {
    case 'request.created': {
      const request = await oneRequest(tx, event.projectId, event.requestId)
      return request && { type: event.type, request: newsRequest(request), asker: request.author }
    }
    case 'comment.created': {
      const request = await oneRequest(tx, event.projectId, event.requestId)
      if (!request) return null
      const commenter = event.authorSub
        ? await slackAccountOf(tx, event.projectId, event.authorSub)
        : null
      return {
        type: event.type,
        request: newsRequest(request),
        commenter,
        authorName: event.authorName,
        excerpt: excerpt(event.body),
      }
    }
    case 'request.updated': {
      const status = event.changes.status
      const request = await oneRequest(tx, event.projectId, event.requestId)
      if (!request || !status) return null
      return {
        type: event.type,
        request: newsRequest(request),
        from: status.from,
        to: status.to,
        note: event.statusNote ?? null,
      }
    }
    case 'changelog.published': {
      const found = await slackRequestFacts(tx, event.projectId, event.requestIds)
      const requests = event.requestIds
        .map((id) => found.get(id))
        .filter((r): r is SlackRequestFacts => r !== undefined && !r.deleted)
      return {
        type: event.type,
        entry: { id: event.entryId, title: event.title },
        requests: requests.map(newsRequest),
        shipped: await slackShippedTotals(
          tx,
          requests.map((r) => r.id),
        ),
      }
    }
    default:
      return null
  }
}

/** The request, unless it is gone or was deleted as spam before the event fanned out. */
async function oneRequest(
  tx: SqlExecutor,
  projectId: string,
  requestId: string,
): Promise<SlackRequestFacts | null> {
  const request = (await slackRequestFacts(tx, projectId, [requestId])).get(requestId)
  return request && !request.deleted ? request : null
}

function newsRequest(request: SlackRequestFacts): NewsRequest {
  return {
    id: request.id,
    title: request.title,
    excerpt: excerpt(request.body),
    votes: request.votes,
    accounts: request.accounts,
    mrrCents: request.mrrCents,
  }
}

function excerpt(text: string): string {
  const trimmed = text.trim()
  const chars = [...trimmed]
  return chars.length <= BODY_EXCERPT ? trimmed : `${chars.slice(0, BODY_EXCERPT - 1).join('')}…`
}
