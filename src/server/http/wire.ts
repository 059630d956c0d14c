import type { BacklogRequest, FeedbackRequest, RequestStatus } from '../../shared/api'
import type { RequestRecord } from '../store'
import type { BacklogEntry } from '../store/backlog-store'

/** The public shape: never revenue, emails or traits. */
export function toPublicRequest(record: RequestRecord): FeedbackRequest {
  return {
    id: record.id,
    title: record.title,
    body: record.body,
    status: record.status as RequestStatus,
    votes: record.votes,
    voted: record.voted,
    createdAt: record.createdAt,
  }
}

export function toBacklogRequest(entry: BacklogEntry): BacklogRequest {
  return {
    ...toPublicRequest(entry),
    mrrCents: entry.mrrCents,
    accounts: entry.accounts,
    voters: entry.voters,
  }
}
