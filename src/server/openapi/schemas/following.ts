import * as v from 'valibot'
import type { FollowResponse } from '../../../shared/api'
import type { Assert, DescribesWire } from './wire-type'

/** `FollowResponse`: whether the caller follows the request now. */
export const FollowResponseSchema = v.strictObject({
  following: v.pipe(v.boolean(), v.description('Whether the caller follows the request now.')),
})
type _Follow = Assert<DescribesWire<typeof FollowResponseSchema, FollowResponse>>
