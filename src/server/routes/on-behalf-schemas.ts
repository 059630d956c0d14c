import * as v from 'valibot'
import { OnBehalfOfSchema } from '../identity/on-behalf-facts'
import { CommentBodySchema, NewRequestSchema } from './request-schemas'

/**
 * The bodies of the admin API's writes on a customer's behalf (admin-on-behalf.ts), kept apart
 * so the API's description can be generated from them.
 */

/** POST /v1/admin/projects/:id/requests */
export const NewRequestOnBehalfSchema = v.object({
  ...NewRequestSchema.entries,
  onBehalfOf: OnBehalfOfSchema,
})

/** POST .../requests/:rid/votes */
export const VoteOnBehalfSchema = v.object({ onBehalfOf: OnBehalfOfSchema })

/** POST .../requests/:rid/comments with onBehalfOf: a customer comment. */
export const CommentOnBehalfSchema = v.object({
  body: CommentBodySchema,
  onBehalfOf: OnBehalfOfSchema,
  // A customer's comment is public by nature; an internal note is the team's (admin-comments.ts).
  internal: v.optional(v.literal(false, 'internal must be false: a customer comment is public')),
})
