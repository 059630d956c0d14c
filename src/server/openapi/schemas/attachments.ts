import * as v from 'valibot'
import {
  ATTACHMENT_CONTENT_TYPES,
  type Attachment,
  type AttachmentResponse,
} from '../../../shared/api/attachments'
import type { Assert, DescribesWire } from './wire-type'

const described = <S extends v.GenericSchema>(schema: S, text: string) =>
  v.pipe(schema, v.description(text))

/** An uploaded image as every answer shows it (spec/api.md v3 "Images"). */
export const AttachmentSchema = v.strictObject({
  id: v.string(),
  url: described(
    v.string(),
    'Where to GET the image: a path on this server, /v1/projects/{pid}/attachments/{id}.',
  ),
  contentType: v.picklist(ATTACHMENT_CONTENT_TYPES),
  bytes: described(v.number(), 'Size of the stored image (re-encoded, metadata removed).'),
  width: v.number(),
  height: described(v.number(), 'Of one frame, for an animation.'),
})
type _Attachment = Assert<DescribesWire<typeof AttachmentSchema, Attachment>>

/** What requests, comments and changelog entries answer: their images, in order. */
export const AttachmentListSchema = described(
  v.array(AttachmentSchema),
  'Its images, in the order of attachmentIds (at most 4).',
)

export const AttachmentResponseSchema = v.strictObject({ attachment: AttachmentSchema })
type _Response = Assert<DescribesWire<typeof AttachmentResponseSchema, AttachmentResponse>>
