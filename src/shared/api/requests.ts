/** The public API's requests and comments (spec/api.md): what the widget reads and sends. */

import type { Attachment } from './attachments'
import type { RequestTag } from './tags'

export const REQUEST_STATUSES = ['open', 'planned', 'in_progress', 'done', 'declined'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]
/**
 * v3 moderation: a request waiting for the team's approval (only its author and the team see
 * it). Not a status anyone sets: approving gives the request its first status.
 */
export const PENDING_STATUS = 'pending'
/** Every status a request is shown with: the ones the team sets, and pending. */
export const SHOWN_STATUSES = [...REQUEST_STATUSES, PENDING_STATUS] as const
export type ShownStatus = (typeof SHOWN_STATUSES)[number]

/** A feature request as the public API shows it: never emails, traits or revenue. */
export interface FeedbackRequest {
  id: string
  title: string
  body: string
  status: ShownStatus
  /** Distinct people who voted. */
  votes: number
  /** Whether the caller is one of them. */
  voted: boolean
  createdAt: string
  /** Public comments (no internal notes, no hidden ones). */
  commentCount: number
  /** Whether the caller wrote it. */
  mine: boolean
  /** The team's public note on the current status. */
  statusNote: string | null
  /** The team's tags on it (v3), by name. */
  tags: RequestTag[]
  /** When the author last changed the title or body ("edited"); null until then. */
  editedAt: string | null
  /** Its images, in order (spec/api.md v3 "Images"). */
  attachments: Attachment[]
}

export type CommentKind = 'team' | 'customer' | 'visitor'

/** A comment as the public API shows it (spec/api.md "Comments"): never sub, email or revenue. */
export interface FeedbackComment {
  id: string
  body: string
  createdAt: string
  author: {
    /** The token's `name` claim, the team member's name, or "Customer" / "Visitor". */
    name: string
    kind: CommentKind
    /** Whether the caller wrote it. */
    you: boolean
  }
  /** When its author last changed it ("edited"); null until then. */
  editedAt: string | null
  /** Its images, in order (spec/api.md v3 "Images"). */
  attachments: Attachment[]
}

/** `GET /v1/projects/{pid}/requests/{rid}`: the request with its thread, oldest first. */
export interface RequestDetailResponse {
  /**
   * The newest public comments (at most COMMENTS_PAGE_SIZE), oldest first among them;
   * `commentsCursor` fetches the ones before them, null when there are none.
   */
  request: FeedbackRequest & {
    comments: FeedbackComment[]
    commentsCursor: string | null
    /** Whether the caller follows it (v3 "Following"): always false for anonymous callers. */
    following: boolean
  }
}
/** GET …/requests/{rid}/comments?cursor=&limit=: the page before `cursor`, oldest first. */
export interface CommentPageResponse {
  comments: FeedbackComment[]
  nextCursor: string | null
}
export interface CommentResponse {
  comment: FeedbackComment
}

export type PublicSort = 'top' | 'new'
export interface RequestListResponse {
  requests: FeedbackRequest[]
  /** On the board list (not `similar`): when the newest changelog entry was published; absent when none. */
  latestChangelogAt?: string | null
}

export interface RequestResponse {
  request: FeedbackRequest
}
export interface IdentifyResponse {
  user: { id: string }
}
/** The author's own edit (spec v3 "Editing your own words"): PATCH …/requests/{rid}. */
export interface RequestEditBody {
  title?: string
  body?: string
}
export interface NewRequestBody {
  title: string
  body?: string
  /** Uploads of the caller's own to attach (at most 4). */
  attachmentIds?: string[]
}
