import type {
  AdminComment,
  BacklogRequest,
  FeedbackComment,
  FeedbackRequest,
  ShownStatus,
} from '../../shared/api'
import type { RequestRecord } from '../store'
import type { BacklogEntry } from '../store/backlog-store'
import { commentAuthorName } from '../store/comment-author'
import type { CommentRecord } from '../store/comments-store'
import { toAttachment } from './attachment-wire'

/**
 * The public shape: never revenue, emails or traits. `viewer` is the caller's voter key, for
 * `mine`.
 */
export function toPublicRequest(
  record: RequestRecord,
  viewer: string | null = null,
): FeedbackRequest {
  return {
    id: record.id,
    title: record.title,
    body: record.body,
    status: record.status as ShownStatus,
    votes: record.votes,
    voted: record.voted,
    createdAt: record.createdAt,
    commentCount: record.commentCount,
    mine: viewer !== null && record.authorVoter === viewer,
    statusNote: record.statusNote,
    tags: record.tags,
    editedAt: record.editedAt,
    attachments: (record.attachments ?? []).map(toAttachment),
  }
}

export function toBacklogRequest(entry: BacklogEntry): BacklogRequest {
  return {
    ...toPublicRequest(entry),
    mrrCents: entry.mrrCents,
    accounts: entry.accounts,
    voters: entry.voters,
    unanswered: entry.unanswered,
    author: entry.author,
    deletedAt: entry.deletedAt,
    atRiskMrrCents: entry.atRiskMrrCents,
  }
}

/** The public shape of a comment: a name, a kind and `you`; nothing that identifies anyone. */
export function toPublicComment(record: CommentRecord, viewer: string | null): FeedbackComment {
  return {
    id: record.id,
    body: record.body,
    createdAt: record.createdAt,
    author: {
      name: commentAuthorName(record),
      kind: record.kind,
      you: viewer !== null && record.authorVoter === viewer,
    },
    editedAt: record.editedAt,
    attachments: (record.attachments ?? []).map(toAttachment),
  }
}

/** The dashboard's shape: flags, and the identified commenter's facts. */
export function toAdminComment(record: CommentRecord): AdminComment {
  const person = record.person
  return {
    ...toPublicComment(record, null),
    author: {
      ...toPublicComment(record, null).author,
      sub: person?.sub ?? null,
      email: person?.email ?? null,
      plan: person?.plan ?? null,
      mrrCents: person ? person.mrrCents : null,
      company: person?.company ?? null,
    },
    internal: record.internal,
    hidden: record.hidden,
  }
}
