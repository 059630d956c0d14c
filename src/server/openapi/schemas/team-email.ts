import * as v from 'valibot'
import type { TeamEmailSettings } from '../../../shared/team-email'
import type { Assert, DescribesWire } from './wire-type'

/** GET and PUT /v1/auth/notifications: what the signed-in member is emailed about. */
export const TeamEmailSettingsResponseSchema = v.strictObject({
  newRequest: v.pipe(
    v.boolean(),
    v.description('A new request in any project (default: true for owners and admins).'),
  ),
  newComment: v.pipe(
    v.boolean(),
    v.description(
      "A customer's or visitor's comment in any project (default: true for owners and admins).",
    ),
  ),
})
type _Settings = Assert<DescribesWire<typeof TeamEmailSettingsResponseSchema, TeamEmailSettings>>
