import { CommentEditSchema, RequestEditSchema } from '../../routes/edit-schemas'
import type { RouteDoc } from '../route-doc'
import { CommentResponseSchema, RequestResponseSchema } from '../schemas/requests'
import { adminDoc, PARAM, projectErrors } from './admin-doc-parts'
import { CALLER_HEADERS, REQUEST_PARAMS, WIDGET_TAG, WRITE_ERRORS } from './public-common'

/** spec/api.md v3 "Editing your own words", in the widget's API, the portal's and the admin API. */

const COMMENT_PARAMS = { ...REQUEST_PARAMS, commentId: 'A comment of that request.' } as const
const security = ['identityToken'] as const
/** 403: not the author (or a team comment); 409: others joined the request in the meantime. */
const AUTHOR_ERRORS = [...WRITE_ERRORS, 403] as const
const WHO =
  'Only its author: the same person (identity token, on any device) or the same anonymous id; ' +
  'anyone else, and any team reply or note, 403 forbidden. Nobody is told.'
const REQUEST_EDIT =
  "The author's new `title` and/or `body` (bounded as when creating), allowed while no other " +
  'person has voted or commented (team replies do not count); else 409 conflict. Anyone else: ' +
  '403 forbidden. A new title tells webhooks (`request.updated`); `editedAt` says "edited".'
const PORTAL = 'Portal writes'
const PORTAL_RULES =
  "As the public API's route, for the portal session's person or anonymous visitor (cookies; " +
  "a cookie-carrying write needs the portal's own `Origin`)."
const SEE_OTHER = { description: 'A form post: the request page (`Location`).' }

export const publicEditingDocs: readonly RouteDoc[] = [
  {
    method: 'patch',
    path: '/v1/projects/{projectId}/requests/{requestId}',
    summary: 'Edit your own request',
    description: REQUEST_EDIT,
    tag: WIDGET_TAG,
    security,
    pathParams: REQUEST_PARAMS,
    headers: CALLER_HEADERS,
    body: RequestEditSchema,
    responses: { 200: { description: 'The request as edited.', schema: RequestResponseSchema } },
    errors: [...AUTHOR_ERRORS, 409],
  },
  {
    method: 'patch',
    path: '/v1/projects/{projectId}/requests/{requestId}/comments/{commentId}',
    summary: 'Edit your own comment',
    description: `New words for the comment (bounded as when commenting); \`editedAt\` says "edited". ${WHO}`,
    tag: WIDGET_TAG,
    security,
    pathParams: COMMENT_PARAMS,
    headers: CALLER_HEADERS,
    body: CommentEditSchema,
    responses: { 200: { description: 'The comment as edited.', schema: CommentResponseSchema } },
    errors: AUTHOR_ERRORS,
  },
  {
    method: 'delete',
    path: '/v1/projects/{projectId}/requests/{requestId}/comments/{commentId}',
    summary: 'Delete your own comment',
    description: `Removes it for good; the request's \`commentCount\` follows. ${WHO}`,
    tag: WIDGET_TAG,
    security,
    pathParams: COMMENT_PARAMS,
    headers: CALLER_HEADERS,
    responses: { 204: { description: 'Deleted.' } },
    errors: AUTHOR_ERRORS,
  },
]

export const portalEditingDocs: readonly RouteDoc[] = [
  {
    method: 'patch',
    path: '/p/{projectId}/requests/{requestId}',
    summary: 'Edit your own request from the portal',
    description: `${REQUEST_EDIT} ${PORTAL_RULES}`,
    tag: PORTAL,
    security: [],
    pathParams: REQUEST_PARAMS,
    body: RequestEditSchema,
    responses: { 200: { description: 'The request as edited.', schema: RequestResponseSchema } },
    errors: [...AUTHOR_ERRORS, 409],
  },
  {
    method: 'post',
    path: '/p/{projectId}/requests/{requestId}',
    summary: 'Edit your own request from a portal form',
    description: `The edit form (JavaScript off): fields \`title\` and \`body\`. JSON: as PATCH. ${PORTAL_RULES}`,
    tag: PORTAL,
    security: [],
    pathParams: REQUEST_PARAMS,
    body: RequestEditSchema,
    responses: {
      200: { description: 'The request as edited.', schema: RequestResponseSchema },
      303: SEE_OTHER,
    },
    errors: [...AUTHOR_ERRORS, 409],
  },
  {
    method: 'patch',
    path: '/p/{projectId}/requests/{requestId}/comments/{commentId}',
    summary: 'Edit your own comment from the portal',
    description: `${WHO} ${PORTAL_RULES}`,
    tag: PORTAL,
    security: [],
    pathParams: COMMENT_PARAMS,
    body: CommentEditSchema,
    responses: { 200: { description: 'The comment as edited.', schema: CommentResponseSchema } },
    errors: AUTHOR_ERRORS,
  },
  {
    method: 'delete',
    path: '/p/{projectId}/requests/{requestId}/comments/{commentId}',
    summary: 'Delete your own comment from the portal',
    description: `${WHO} ${PORTAL_RULES}`,
    tag: PORTAL,
    security: [],
    pathParams: COMMENT_PARAMS,
    responses: { 204: { description: 'Deleted.' } },
    errors: AUTHOR_ERRORS,
  },
  {
    method: 'post',
    path: '/p/{projectId}/requests/{requestId}/comments/{commentId}',
    summary: 'Edit or delete your own comment from a portal form',
    description:
      'The forms (JavaScript off): field `body` edits; `_method=DELETE` deletes. JSON: as ' +
      `PATCH. ${WHO} ${PORTAL_RULES}`,
    tag: PORTAL,
    security: [],
    pathParams: COMMENT_PARAMS,
    body: CommentEditSchema,
    responses: {
      200: { description: 'The comment as edited.', schema: CommentResponseSchema },
      303: SEE_OTHER,
    },
    errors: AUTHOR_ERRORS,
  },
]

export const adminEditingDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'delete',
    path: '/v1/admin/projects/{id}/comments/{cid}',
    tag: 'Admin: requests',
    summary: 'Delete any comment',
    description:
      "Removes a customer's or visitor's comment, a reply or a note for good: the thread is " +
      'recounted (`commentCount`, unanswered) and the deletion audited (`comment.deleted`); ' +
      'nobody else is told.',
    pathParams: { ...PARAM.project, cid: 'The comment id.' },
    responses: { 204: { description: 'Deleted.' } },
    errors: projectErrors(),
  }),
]
