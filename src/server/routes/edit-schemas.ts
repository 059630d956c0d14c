import * as v from 'valibot'
import { CommentBodySchema, NewRequestSchema, TitleSchema } from './request-schemas'

/**
 * The bodies of spec v3 "Editing your own words", bounded exactly like creating: a comment's
 * new words (PATCH …/comments/{cid}) and a request's new title and/or body (PATCH …/requests/{rid}).
 */
export const CommentEditSchema = v.object({ body: CommentBodySchema })

export const RequestEditSchema = v.pipe(
  v.object({
    title: v.optional(TitleSchema),
    body: v.optional(NewRequestSchema.entries.body.wrapped),
  }),
  v.check(
    (edit) => edit.title !== undefined || edit.body !== undefined,
    'send a new title or body',
  ),
)
