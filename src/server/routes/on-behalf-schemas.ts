import * as v from 'valibot'
import { OnBehalfOfSchema } from '../identity/on-behalf-facts'
import { CommentBodySchema, NewRequestSchema } from './request-schemas'

/**
 * The bodies of the admin API's writes on a customer's behalf (admin-on-behalf.ts), kept apart
 * so the API's description can be generated from them.
 */

/** The customer the call is made for; its description is the API document's. */
const OnBehalfOf = v.pipe(
  OnBehalfOfSchema,
  v.description(
    "The customer the call is made for, validated like an identity token's claims and recorded as their facts as of now; a field left out keeps what is stored.",
  ),
)

/** POST /v1/admin/projects/:id/requests */
export const NewRequestOnBehalfSchema = v.object({
  // Images come from the public's own uploads: a request on someone's behalf takes none.
  title: NewRequestSchema.entries.title,
  body: NewRequestSchema.entries.body,
  onBehalfOf: OnBehalfOf,
})

/** POST .../requests/:rid/votes */
export const VoteOnBehalfSchema = v.object({ onBehalfOf: OnBehalfOf })

/** POST .../requests/:rid/comments with onBehalfOf: a customer comment. */
export const CommentOnBehalfSchema = v.object({
  body: CommentBodySchema,
  onBehalfOf: OnBehalfOf,
  // A customer's comment is public by nature; an internal note is the team's (admin-comments.ts).
  internal: v.optional(v.literal(false, 'internal must be false: a customer comment is public')),
})
