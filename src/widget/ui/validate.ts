import type { FeedbackComment, FeedbackRequest } from '../../shared/api'
import { asAttachments } from './attachments'

/** A request with its public thread (the newest part of it), as the request view shows it. */
export type RequestDetail = FeedbackRequest & {
  comments: FeedbackComment[]
  /** Where the older comments start; null when the thread is all here. */
  commentsCursor: string | null
  /** Whether the caller follows it (absent from a server older than v3). */
  following?: boolean
}

/**
 * A request from a server answer, or undefined when it is not one: a 200 with a surprising
 * body must not crash the board or print `[object Object]`. Unknown statuses show as open.
 */
export function asRequest(value: unknown): FeedbackRequest | undefined {
  const r = value as FeedbackRequest
  if (typeof r !== 'object' || !r || typeof r.id !== 'string' || typeof r.title !== 'string') return
  return {
    ...r,
    votes: +r.votes || 0,
    voted: r.voted === true,
    commentCount: +r.commentCount || 0,
    mine: r.mine === true,
    statusNote: typeof r.statusNote === 'string' ? r.statusNote : null,
    tags: Array.isArray(r.tags) ? r.tags : [],
    attachments: asAttachments(r.attachments),
  }
}

export function asRequestList(value: unknown): FeedbackRequest[] | undefined {
  const list = value && (value as { requests?: unknown }).requests
  if (Array.isArray(list)) return list.map(asRequest).filter((r) => r) as FeedbackRequest[]
}

/** A comment from a server answer, or undefined; its text is only ever rendered as text. */
export function asComment(value: unknown): FeedbackComment | undefined {
  const c = value as FeedbackComment
  const author = c && c.author
  if (typeof c !== 'object' || !author || typeof c.id !== 'string' || typeof c.body !== 'string')
    return
  return {
    ...c,
    author: { name: `${author.name}`, kind: author.kind, you: author.you === true },
    attachments: asAttachments(c.attachments),
  }
}

export function asRequestDetail(value: unknown): RequestDetail | undefined {
  const request = asRequest(value) as RequestDetail | undefined
  const comments = request && request.comments
  if (request && Array.isArray(comments)) {
    return {
      ...request,
      comments: comments.map(asComment).filter((c) => c) as FeedbackComment[],
      commentsCursor: typeof request.commentsCursor === 'string' ? request.commentsCursor : null,
    }
  }
}
