import * as v from 'valibot'
import {
  type CommentPageResponse,
  type CommentResponse,
  type FeedbackComment,
  type FeedbackRequest,
  type IdentifyResponse,
  type RequestDetailResponse,
  type RequestListResponse,
  type RequestResponse,
  SHOWN_STATUSES,
} from '../../../shared/api'
import type { UpdatesResponse } from '../../../shared/notifications'
import { AttachmentListSchema } from './attachments'
import { RequestTagSchema } from './tags'
import type { Assert, DescribesWire } from './wire-type'

const described = <S extends v.GenericSchema>(schema: S, text: string) =>
  v.pipe(schema, v.description(text))

export const IsoDateTime = described(v.string(), 'ISO 8601 date and time (UTC).')

/** A request as the public API shows it: never emails, traits or revenue. */
export const FeedbackRequestSchema = v.strictObject({
  id: v.string(),
  title: v.string(),
  body: v.string(),
  status: described(
    v.picklist(SHOWN_STATUSES),
    "v3: `pending` while it waits for the team's approval (only its author sees it).",
  ),
  votes: described(v.number(), 'Distinct people who voted.'),
  voted: described(v.boolean(), 'Whether the caller is one of them.'),
  createdAt: IsoDateTime,
  commentCount: described(v.number(), 'Public comments (no internal notes, no hidden ones).'),
  mine: described(v.boolean(), 'Whether the caller wrote it.'),
  statusNote: described(v.nullable(v.string()), "The team's public note on the current status."),
  tags: described(v.array(RequestTagSchema), "The team's tags on it (v3), by name."),
  editedAt: described(
    v.nullable(IsoDateTime),
    'When the author last changed the title or body ("edited"); null until then.',
  ),
  attachments: AttachmentListSchema,
})
type _Request = Assert<DescribesWire<typeof FeedbackRequestSchema, FeedbackRequest>>

/** A comment as the public API shows it: a name, a kind and `you`; nothing that identifies anyone. */
export const FeedbackCommentSchema = v.strictObject({
  id: v.string(),
  body: v.string(),
  createdAt: IsoDateTime,
  author: v.strictObject({
    name: described(
      v.string(),
      'The token\'s `name` claim, the team member\'s name, or "Customer" / "Visitor".',
    ),
    kind: v.picklist(['team', 'customer', 'visitor']),
    you: described(v.boolean(), 'Whether the caller wrote it.'),
  }),
  editedAt: described(
    v.nullable(IsoDateTime),
    'When its author last changed it ("edited"); null until then.',
  ),
  attachments: AttachmentListSchema,
})
type _Comment = Assert<DescribesWire<typeof FeedbackCommentSchema, FeedbackComment>>

export const RequestListResponseSchema = v.strictObject({
  requests: v.array(FeedbackRequestSchema),
  latestChangelogAt: v.optional(
    described(
      v.nullable(v.string()),
      'On the board list (not `similar`): when the newest changelog entry was published; absent when none.',
    ),
  ),
})
type _List = Assert<DescribesWire<typeof RequestListResponseSchema, RequestListResponse>>

export const RequestResponseSchema = v.strictObject({ request: FeedbackRequestSchema })
type _One = Assert<DescribesWire<typeof RequestResponseSchema, RequestResponse>>

export const RequestDetailResponseSchema = v.strictObject({
  request: v.strictObject({
    ...FeedbackRequestSchema.entries,
    comments: described(
      v.array(FeedbackCommentSchema),
      'The newest public comments (at most 50), oldest first among them.',
    ),
    commentsCursor: described(
      v.nullable(v.string()),
      'Fetches the comments before these (GET …/comments?cursor=); null when there are none.',
    ),
    following: described(
      v.boolean(),
      'Whether the caller follows it (its author, a voter, a commenter, or by hand, unless they ' +
        'unfollowed it); always false for anonymous callers.',
    ),
  }),
})
type _Detail = Assert<DescribesWire<typeof RequestDetailResponseSchema, RequestDetailResponse>>

export const CommentPageResponseSchema = v.strictObject({
  comments: v.array(FeedbackCommentSchema),
  nextCursor: described(v.nullable(v.string()), 'null once the first comment is reached.'),
})
type _Page = Assert<DescribesWire<typeof CommentPageResponseSchema, CommentPageResponse>>

export const CommentResponseSchema = v.strictObject({ comment: FeedbackCommentSchema })
type _CommentOne = Assert<DescribesWire<typeof CommentResponseSchema, CommentResponse>>

export const IdentifyResponseSchema = v.strictObject({
  user: v.strictObject({ id: described(v.string(), "The token's `sub`.") }),
})
type _Identify = Assert<DescribesWire<typeof IdentifyResponseSchema, IdentifyResponse>>

export const UpdatesResponseSchema = v.strictObject({
  updates: v.array(
    v.strictObject({
      id: v.string(),
      requestId: v.string(),
      title: v.string(),
      kind: v.picklist(['status', 'reply', 'shipped']),
      status: v.string(),
      at: IsoDateTime,
      read: v.boolean(),
    }),
  ),
  unread: v.number(),
})
type _Updates = Assert<DescribesWire<typeof UpdatesResponseSchema, UpdatesResponse>>

export const UnreadResponseSchema = v.strictObject({
  unread: described(v.number(), 'Updates still unread.'),
})
