import type { SqlExecutor } from '../store/db'
import { addFollower } from '../store/following-store'
import { insertEventJobIfSubscribed, insertJob } from '../store/job-inserts'
import { TEAM_WANTS_NEW_REQUESTS } from '../store/team-email-settings-store'

/**
 * Everything that can happen and be told: to the people it concerns (email, widget updates)
 * and to the project's webhook endpoints. A route builds the event with ./build.ts and emits it
 * through commit() (./commit.ts), inside the transaction that made the change;
 * server/jobs/notify/ decides, one file per event, who hears.
 *
 * `teamMemberEmail` is the signed-in member who made the change (actingMember(c)?.email), so
 * they are not emailed about their own change; null for the admin token and for customers.
 */
export type ReqioEvent =
  | {
      type: 'request.created'
      projectId: string
      requestId: string
      /** The member who filed it on a customer's behalf or approved it (team email skips them). */
      teamMemberEmail?: string | null
    }
  | {
      type: 'request.updated'
      projectId: string
      requestId: string
      changes: RequestChanges
      /** The team's public note on the new status, when one came with it. */
      statusNote?: string | null
      teamMemberEmail: string | null
    }
  | {
      type: 'request.merged'
      projectId: string
      requestId: string
      intoId: string
      teamMemberEmail: string | null
    }
  | {
      type: 'vote.created' | 'vote.deleted'
      projectId: string
      requestId: string
      voter: string
      /** The request's counters right after this vote: later votes may move them before fan-out. */
      votes: number
      mrrCents: number
    }
  | {
      type: 'comment.created'
      projectId: string
      /** The request the comment landed on (the merge target for a merged request). */
      requestId: string
      commentId: string
      body: string
      kind: 'team' | 'customer' | 'visitor'
      /** An internal note: the dashboard's only; nobody is told but the webhooks. */
      internal: boolean
      authorName: string
      /** The commenter's token `sub` for `customer`; null otherwise. */
      authorSub: string | null
      teamMemberEmail: string | null
    }
  | {
      type: 'changelog.published'
      projectId: string
      entryId: string
      title: string
      requestIds: string[]
      teamMemberEmail: string | null
    }

/** What a PATCH changed, from → to, per field. */
export interface RequestChanges {
  status?: { from: string; to: string }
  title?: { from: string; to: string }
}

export type ReqioEventType = ReqioEvent['type']

/** The event types a webhook endpoint can subscribe to (spec/api.md "Webhooks"). */
export const WEBHOOK_EVENT_TYPES: readonly ReqioEventType[] = [
  'request.created',
  'request.updated',
  'request.merged',
  'vote.created',
  'vote.deleted',
  'comment.created',
  'changelog.published',
]

/** Events that only webhooks hear: with no endpoint subscribed, nothing is queued at all. */
const WEBHOOK_ONLY: ReadonlySet<ReqioEventType> = new Set([
  'request.created',
  'vote.created',
  'vote.deleted',
])

/**
 * Queues `event` inside `tx`, the transaction that made the change: it is told if and only if
 * the change commits. Answers whether a job was queued (a vote with no endpoint listening
 * queues none): commit() wakes the job runner after COMMIT only then.
 */
export async function enqueueEvent(
  tx: SqlExecutor,
  event: ReqioEvent,
  now: number,
): Promise<boolean> {
  if (WEBHOOK_ONLY.has(event.type)) {
    // One statement: a vote on a project without endpoints costs no extra round trip. A new
    // request is also queued when a member wants it by email (team email).
    const alsoWhen = event.type === 'request.created' ? TEAM_WANTS_NEW_REQUESTS : undefined
    return insertEventJobIfSubscribed(tx, event.projectId, event.type, event, now, alsoWhen)
  }
  // A commenter follows the request from now on, in the comment's own transaction: an event
  // fanned out after this one (a status change, say) already reaches them.
  if (event.type === 'comment.created' && event.authorSub && !event.internal) {
    await addFollower(tx, event.projectId, event.requestId, event.authorSub, now)
  }
  await insertJob(tx, {
    projectId: event.projectId,
    kind: 'event',
    lane: `event:${event.projectId}`,
    payload: event,
    runAt: now,
    now,
  })
  return true
}
