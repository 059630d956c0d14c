import { ATTACHMENT_CONTENT_TYPES } from '../../../shared/api/attachments'
import type { RouteDoc } from '../route-doc'
import { AttachmentResponseSchema } from '../schemas/attachments'
import { adminDoc, projectErrors } from './admin-doc-parts'
import {
  CALLER_HEADERS,
  PROJECT_PARAM,
  READ_ERRORS,
  WIDGET_TAG,
  WRITE_ERRORS,
} from './public-common'

const UPLOAD_BODY = {
  contentTypes: ATTACHMENT_CONTENT_TYPES,
  description:
    'The image itself, at most 5 MiB, its type in Content-Type. The bytes must be that type ' +
    '(checked by their magic number, whatever the header says); what is stored is the image ' +
    're-encoded, without EXIF, GPS, text chunks or bytes after its end.',
}

const UPLOAD_ANSWERS =
  '415 unsupported_media_type: not a PNG, JPEG, WebP or GIF of the declared type (SVG, HTML, ' +
  'polyglots, mismatches, undecodable bytes); 413 payload_too_large: over 5 MiB, or over 40 ' +
  'million pixels once decoded.'

/** spec/api.md v3 "Images": uploads (public and the team's) and the image itself. */
export const publicAttachmentDocs: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/v1/projects/{projectId}/attachments',
    summary: 'Upload an image',
    description:
      'As the caller (identity token or anonymous id), attached to nothing until a request or ' +
      'comment of theirs names it in `attachmentIds` (at most 4); attached to nothing after 24 ' +
      `hours, it is deleted. ${UPLOAD_ANSWERS} Limited per IP and per person per hour (429).`,
    tag: WIDGET_TAG,
    security: ['identityToken'],
    pathParams: PROJECT_PARAM,
    headers: CALLER_HEADERS,
    rawBody: UPLOAD_BODY,
    responses: { 201: { description: 'The stored image.', schema: AttachmentResponseSchema } },
    errors: [...WRITE_ERRORS, 415],
  },
  {
    method: 'get',
    path: '/v1/projects/{projectId}/attachments/{attachmentId}',
    summary: 'An uploaded image',
    description:
      'The bytes, with their type, `X-Content-Type-Options: nosniff`, ' +
      '`Content-Security-Policy: sandbox`, `Cache-Control: public, max-age=31536000, immutable` ' +
      'and an ETag (If-None-Match: 304). Only under the project it was uploaded to.',
    tag: WIDGET_TAG,
    security: [],
    pathParams: { ...PROJECT_PARAM, attachmentId: 'The attachment id (`url` of an Attachment).' },
    responses: {
      200: { description: 'The image.', contentType: 'image/*' },
      304: { description: 'Not modified (If-None-Match named its ETag).' },
    },
    errors: READ_ERRORS,
  },
]

export const adminAttachmentDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/attachments',
    tag: 'Admin: changelog',
    summary: "Upload an image for the team's writing",
    description:
      "For changelog entries: any of the project's uploads attached to nothing may go into an " +
      `entry's \`attachmentIds\`; attached to nothing after 24 hours, it is deleted. ${UPLOAD_ANSWERS}`,
    pathParams: { id: 'The project id.' },
    rawBody: UPLOAD_BODY,
    responses: { 201: { description: 'The stored image.', schema: AttachmentResponseSchema } },
    errors: projectErrors(413, 415),
  }),
]
