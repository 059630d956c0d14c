import * as v from 'valibot'
import type { RequestTag, TagResponse, TagsResponse } from '../../../shared/api'
import type { Assert, DescribesWire } from './wire-type'

/** A tag on a request and in the project's list (spec/api.md v3 "Tags"). */
export const RequestTagSchema = v.strictObject({
  id: v.string(),
  name: v.pipe(v.string(), v.description('At most 40 characters, unique in the project.')),
  color: v.pipe(v.string(), v.description('#rrggbb, lower case.')),
})
type _Tag = Assert<DescribesWire<typeof RequestTagSchema, RequestTag>>

export const TagsResponseSchema = v.strictObject({
  tags: v.pipe(v.array(RequestTagSchema), v.description('By name.')),
})
type _Tags = Assert<DescribesWire<typeof TagsResponseSchema, TagsResponse>>

export const TagResponseSchema = v.strictObject({ tag: RequestTagSchema })
type _One = Assert<DescribesWire<typeof TagResponseSchema, TagResponse>>
