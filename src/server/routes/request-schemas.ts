import * as v from 'valibot'
import { REQUEST_STATUSES } from '../../shared/api'
import {
  BODY_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  STATUS_NOTE_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from '../../shared/limits'
import { AttachmentIdsSchema } from '../attachments/attach-uploads'
import { RequestTagIdsSchema, TagFilterSchema } from './tag-schemas'

export const TitleSchema = v.pipe(
  v.string('title must be a string'),
  v.trim(),
  v.minLength(1, 'title must not be empty'),
  v.maxLength(TITLE_MAX_LENGTH, `title must be at most ${TITLE_MAX_LENGTH} characters`),
)

export const NewRequestSchema = v.object({
  title: TitleSchema,
  body: v.optional(
    v.pipe(
      v.string('body must be a string'),
      v.trim(),
      v.maxLength(BODY_MAX_LENGTH, `body must be at most ${BODY_MAX_LENGTH} characters`),
    ),
    '',
  ),
  attachmentIds: v.optional(AttachmentIdsSchema, []),
})

export const ListQuerySchema = v.object({
  sort: v.optional(v.picklist(['top', 'new'], 'sort must be top or new'), 'top'),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'q must be at most 200 characters'))),
  similar: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(TITLE_MAX_LENGTH, `similar must be at most ${TITLE_MAX_LENGTH} characters`),
    ),
  ),
  tag: TagFilterSchema,
})

export const RequestPatchSchema = v.object({
  status: v.optional(
    v.picklist(REQUEST_STATUSES, `status must be one of ${REQUEST_STATUSES.join(', ')}`),
  ),
  title: v.optional(TitleSchema),
  mergeInto: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
  /** The team's public note on the status; null (or empty) clears it. */
  statusNote: v.optional(
    v.nullable(
      v.pipe(
        v.string('statusNote must be a string or null'),
        v.trim(),
        v.maxLength(
          STATUS_NOTE_MAX_LENGTH,
          `statusNote must be at most ${STATUS_NOTE_MAX_LENGTH} characters`,
        ),
      ),
    ),
  ),
  /** The request's tags, exactly these (v3): [] takes every tag off. */
  tagIds: RequestTagIdsSchema,
})

export const CommentBodySchema = v.pipe(
  v.string('body must be a string'),
  v.trim(),
  v.minLength(1, 'body must not be empty'),
  v.maxLength(COMMENT_MAX_LENGTH, `body must be at most ${COMMENT_MAX_LENGTH} characters`),
)

export const NewCommentSchema = v.object({
  body: CommentBodySchema,
  attachmentIds: v.optional(AttachmentIdsSchema, []),
})

export const NewTeamCommentSchema = v.object({
  body: CommentBodySchema,
  internal: v.optional(v.boolean('internal must be true or false'), false),
  /** The team's images: any of the project's uploads attached to nothing yet. */
  attachmentIds: v.optional(AttachmentIdsSchema, []),
})

export const CommentPatchSchema = v.object({
  hidden: v.boolean('hidden must be true or false'),
})
