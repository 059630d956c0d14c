import type { FeedbackRequest } from '../../shared/api'
import type { PendingSubmit } from './outbox'

/** How a submission still in the outbox appears on the board. */
export function pendingRequest(entry: PendingSubmit): FeedbackRequest {
  const { key, title, body, at } = entry
  return {
    id: key,
    title,
    body,
    status: 'open',
    votes: 1,
    voted: true,
    createdAt: `${at}`,
    commentCount: 0,
    mine: true,
    statusNote: null,
    tags: [],
    editedAt: null,
    attachments: [],
  }
}

/** The request as it looks once the user's vote (or unvote) counts. */
export function withVote(request: FeedbackRequest, voted: boolean): FeedbackRequest {
  return { ...request, voted, votes: Math.max(0, request.votes + (voted ? 1 : -1)) }
}
