import type { FeedbackRequest } from '../../shared/api'
import type { ListState } from './board/list'
import type { SenderState } from './board/sender'
import type { PendingSubmit } from './outbox'
import { pendingRequest, withVote } from './request-shapes'

export interface BoardRow {
  request: FeedbackRequest
  /** Waiting in the outbox: shown, but not yet on the server. */
  pending?: boolean
  /** A submission only this device knows about: nothing to vote on yet. */
  local?: boolean
}

/**
 * What the board lists: the user's own pending submissions first, then the server's requests
 * with the votes still waiting in the outbox applied, so a reload shows what the user did.
 */
export function boardRows(
  { requests, statusFilter, tagFilter }: ListState,
  { pending, sending }: SenderState,
): BoardRow[] {
  const rows: BoardRow[] = []
  for (const entry of pending) {
    if (entry.kind === 'submit')
      rows.push({ request: pendingRequest(entry), pending: true, local: true })
  }
  for (const request of requests) {
    if (statusFilter && request.status !== statusFilter) continue
    if (tagFilter && !request.tags.some((tag) => tag.id === tagFilter)) continue
    const vote = pending.find(
      (e) => e.kind === 'vote' && e.requestId === request.id && !sending.includes(e.key),
    )
    if (vote && vote.kind === 'vote' && vote.voted !== request.voted) {
      rows.push({ request: withVote(request, vote.voted), pending: true })
    } else {
      rows.push({ request, pending: !!vote })
    }
  }
  return rows
}
