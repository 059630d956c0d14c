import { CommentPageQuerySchema } from '../../http/comment-cursor'
import { ListQuerySchema, NewCommentSchema, NewRequestSchema } from '../../routes/request-schemas'
import type { RouteDoc } from '../route-doc'
import {
  CommentPageResponseSchema,
  CommentResponseSchema,
  IdentifyResponseSchema,
  RequestDetailResponseSchema,
  RequestListResponseSchema,
  RequestResponseSchema,
} from '../schemas/requests'
import {
  CALLER_HEADERS,
  CREATING_HEADERS,
  PROJECT_PARAM,
  READ_ERRORS,
  REQUEST_PARAMS,
  WIDGET_TAG,
  WRITE_ERRORS,
} from './public-common'

const security = ['identityToken'] as const

/** The widget's board: requests, votes, comments, identify (spec/api.md "Public endpoints"). */
export const publicRequestDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/projects/{projectId}/requests',
    summary: 'List the board',
    description:
      'The public requests, `sort=top` (votes) or `new`, optionally searched with `q` and ' +
      'narrowed to one tag with `tag={tagId}` (an id no tag has finds nothing). ' +
      '`similar=<title>` answers the few most like a title being typed instead.',
    tag: WIDGET_TAG,
    security,
    pathParams: PROJECT_PARAM,
    query: ListQuerySchema,
    headers: CALLER_HEADERS,
    responses: { 200: { description: 'The requests.', schema: RequestListResponseSchema } },
    errors: READ_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/projects/{projectId}/requests',
    summary: 'Submit a request',
    description:
      "Files a request as the caller and casts the author's vote (`votes: 1, voted: true`). " +
      'Anonymous callers answer 401 identity_required when the project sets `requireIdentity`.',
    tag: WIDGET_TAG,
    security,
    pathParams: PROJECT_PARAM,
    headers: CREATING_HEADERS,
    body: NewRequestSchema,
    responses: { 201: { description: 'The new request.', schema: RequestResponseSchema } },
    errors: WRITE_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/projects/{projectId}/requests/{requestId}',
    summary: 'A request with its newest comments',
    description:
      'The newest 50 public comments, oldest first among them, and `commentsCursor` for the ' +
      'older ones. A merged request answers the one it went into.',
    tag: WIDGET_TAG,
    security,
    pathParams: REQUEST_PARAMS,
    headers: CALLER_HEADERS,
    responses: {
      200: { description: 'The request and its thread.', schema: RequestDetailResponseSchema },
    },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/projects/{projectId}/requests/{requestId}/comments',
    summary: 'Older comments of a request',
    description: 'Pages back from `cursor` (a `commentsCursor` or `nextCursor`), oldest first.',
    tag: WIDGET_TAG,
    security,
    pathParams: REQUEST_PARAMS,
    query: CommentPageQuerySchema,
    headers: CALLER_HEADERS,
    responses: { 200: { description: 'One page.', schema: CommentPageResponseSchema } },
    errors: READ_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/projects/{projectId}/requests/{requestId}/comments',
    summary: 'Comment on a request',
    description:
      'Identified callers always; anonymous ones only when the project sets ' +
      '`allowAnonymousComments` (else 401 identity_required). A comment on a merged request ' +
      'lands on the request it went into.',
    tag: WIDGET_TAG,
    security,
    pathParams: REQUEST_PARAMS,
    headers: CREATING_HEADERS,
    body: NewCommentSchema,
    responses: { 201: { description: 'The new comment.', schema: CommentResponseSchema } },
    errors: WRITE_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/projects/{projectId}/requests/{requestId}/vote',
    summary: 'Vote for a request',
    description: 'Idempotent: a second vote changes nothing.',
    tag: WIDGET_TAG,
    security,
    pathParams: REQUEST_PARAMS,
    headers: CALLER_HEADERS,
    responses: {
      200: { description: 'The request as the caller now sees it.', schema: RequestResponseSchema },
    },
    errors: WRITE_ERRORS,
  },
  {
    method: 'delete',
    path: '/v1/projects/{projectId}/requests/{requestId}/vote',
    summary: 'Take back a vote',
    description: 'Idempotent; the author may retract their own vote too.',
    tag: WIDGET_TAG,
    security,
    pathParams: REQUEST_PARAMS,
    headers: CALLER_HEADERS,
    responses: {
      200: { description: 'The request as the caller now sees it.', schema: RequestResponseSchema },
    },
    errors: WRITE_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/projects/{projectId}/identify',
    summary: 'Link the anonymous id to the signed-in person',
    description:
      "Needs an identity token (else 401 unauthorized). Merges the anonymous id's votes and " +
      "requests into the token's person. Idempotent.",
    tag: WIDGET_TAG,
    security,
    pathParams: PROJECT_PARAM,
    headers: CALLER_HEADERS,
    responses: { 200: { description: 'Who the caller is now.', schema: IdentifyResponseSchema } },
    errors: WRITE_ERRORS,
  },
]
