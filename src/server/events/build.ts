import type { RequestRecord } from '../store'
import type { ShippedChange } from '../store/changelog-store'
import { commentAuthorName } from '../store/comment-author'
import type { CommentRecord } from '../store/comments-store'
import type { ReqioEvent, RequestChanges } from './events'

/**
 * Every event is built here, from what the store answered, so that a route reads
 * `w.emit(build.commentCreated(comment, member))` and an event's shape lives in one file.
 *
 * `teamMemberEmail` is the signed-in member who made the change (actingMember(c)?.email), so
 * they are not emailed about their own change; null for the admin token and for customers.
 */

/**
 * A request just created (its author's vote comes with it); `teamMemberEmail` when a member filed
 * it on a customer's behalf or approved it.
 */
export function requestCreated(
  request: RequestRecord,
  teamMemberEmail: string | null = null,
): ReqioEvent {
  return {
    type: 'request.created',
    projectId: request.projectId,
    requestId: request.id,
    teamMemberEmail,
  }
}

/** A vote cast or retracted, with the request's counters right after it. */
export function voteChanged(
  type: 'vote.created' | 'vote.deleted',
  request: RequestRecord,
  voter: string,
): ReqioEvent {
  return {
    type,
    projectId: request.projectId,
    requestId: request.id,
    voter,
    votes: request.votes,
    mrrCents: request.mrrCents,
  }
}

/**
 * An admin edit of a request: null when neither status nor title really changed (an unchanged
 * status tells nobody). `before` is the request as it was, `patch` what was stored (a
 * statusNote of null cleared the note).
 */
export function requestUpdated(
  request: { projectId: string; id: string },
  before: { status: string; title: string },
  patch: { status?: string; title?: string; statusNote?: string | null },
  teamMemberEmail: string | null,
): ReqioEvent | null {
  const changes = changesOf(before, patch)
  if (Object.keys(changes).length === 0) return null
  return {
    type: 'request.updated',
    projectId: request.projectId,
    requestId: request.id,
    changes,
    statusNote: patch.statusNote ?? null,
    teamMemberEmail,
  }
}

/** `requestId` folded into `intoId`. */
export function requestMerged(
  projectId: string,
  requestId: string,
  intoId: string,
  teamMemberEmail: string | null,
): ReqioEvent {
  return { type: 'request.merged', projectId, requestId, intoId, teamMemberEmail }
}

/** A comment just written: people following the request hear of a team reply, webhooks of all. */
export function commentCreated(comment: CommentRecord, teamMemberEmail: string | null): ReqioEvent {
  return {
    type: 'comment.created',
    projectId: comment.projectId,
    requestId: comment.requestId,
    commentId: comment.id,
    body: comment.body,
    kind: comment.kind,
    internal: comment.internal,
    authorName: commentAuthorName(comment),
    authorSub: comment.kind === 'customer' ? (comment.person?.sub ?? null) : null,
    teamMemberEmail,
  }
}

/**
 * An entry published, or a published entry given new links: tells the people of the requests
 * it shipped and the owner's webhooks. Null when the write shipped nothing.
 */
export function changelogPublished(
  projectId: string,
  change: ShippedChange,
  teamMemberEmail: string | null,
): ReqioEvent | null {
  if (!change.newlyPublished && change.shippedRequestIds.length === 0) return null
  return {
    type: 'changelog.published',
    projectId,
    entryId: change.entry.id,
    title: change.entry.title,
    requestIds: change.shippedRequestIds,
    teamMemberEmail,
  }
}

/** Only the fields whose value really changes, from → to. */
function changesOf(
  before: { status: string; title: string },
  patch: { status?: string; title?: string },
): RequestChanges {
  const changes: RequestChanges = {}
  for (const field of ['status', 'title'] as const) {
    const to = patch[field]
    if (to !== undefined && to !== before[field]) changes[field] = { from: before[field], to }
  }
  return changes
}
