import * as v from 'valibot'
import { CommentOnBehalfSchema } from '../../routes/on-behalf-schemas'
import {
  CommentPatchSchema,
  NewTeamCommentSchema,
  RequestPatchSchema,
} from '../../routes/request-schemas'
import type { RouteDoc } from '../route-doc'
import { AudienceResponseSchema } from '../schemas/admin-common'
import {
  AdminCommentResponseSchema,
  AdminRequestDetailResponseSchema,
  BacklogRequestResponseSchema,
  UnmergeResponseSchema,
} from '../schemas/admin-requests'
import { adminDoc, BODY, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: requests'

/**
 * The comments route reads one of two bodies (admin-comments.ts): a team reply or internal note,
 * or with `onBehalfOf` a customer's comment (`internal` then false or left out).
 */
const AdminNewCommentSchema = v.union([NewTeamCommentSchema, CommentOnBehalfSchema])

/** One request as the team works it: its thread, edits, merges, replies and moderation. */
export const adminRequestsDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/requests/{rid}',
    tag,
    summary: 'A request with every comment',
    description:
      "The backlog's view of the request, every comment (internal and hidden flagged, identified commenters' sub, email, plan, MRR and company) and the requests merged into it.",
    pathParams: PARAM.request,
    responses: {
      200: { description: 'The request.', schema: AdminRequestDetailResponseSchema },
    },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'patch',
    path: '/v1/admin/projects/{id}/requests/{rid}',
    tag,
    summary: 'Change status, title, note or tags, or merge',
    description:
      "status, title, statusNote (null or empty clears it) and tagIds (the request's tags, exactly; an id that is not a tag of this project: 400 validation_failed, field tagIds) change in one transaction; mergeInto folds the request into another and answers that one. Both requests must exist and stand on their own (404 request_not_found).",
    pathParams: PARAM.request,
    body: RequestPatchSchema,
    responses: {
      200: {
        description: 'The request that now stands (the target after a merge).',
        schema: BacklogRequestResponseSchema,
      },
    },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/requests/{rid}/unmerge',
    tag,
    summary: 'Undo the latest merge of a request',
    description:
      'The request stands on its own again. Not merged: 404; the request it went into has been merged since: 409 conflict.',
    pathParams: PARAM.request,
    responses: {
      200: {
        description: 'The request back on its own, and the target it left.',
        schema: UnmergeResponseSchema,
      },
    },
    errors: projectErrors(409),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/requests/{rid}/comments',
    tag,
    summary: 'Reply, add an internal note, or comment for a customer',
    description:
      'A team reply (kind team, the signed-in member\'s name; "Team" with the admin token); internal: true makes a note only the dashboard sees. v3: with onBehalfOf, a customer\'s comment instead (spec "feedback on a customer\'s behalf").',
    pathParams: PARAM.request,
    headers: {
      'Idempotency-Key': {
        description: 'v3, with onBehalfOf: the same key again answers the same comment.',
      },
    },
    body: AdminNewCommentSchema,
    responses: { 201: { description: 'The comment.', schema: AdminCommentResponseSchema } },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'patch',
    path: '/v1/admin/projects/{id}/comments/{cid}',
    tag,
    summary: 'Hide or show a comment',
    description: 'Hidden comments leave every public answer.',
    pathParams: { ...PARAM.project, cid: 'The comment id.' },
    body: CommentPatchSchema,
    responses: { 200: { description: 'The comment.', schema: AdminCommentResponseSchema } },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/requests/{rid}/audience',
    tag,
    summary: 'Who a change to this request would tell',
    description:
      'Identified people who wrote, voted or commented (each sees it in the widget), how many of them get an email, and the anonymous ones who cannot be told.',
    pathParams: PARAM.request,
    responses: { 200: { description: 'The audience.', schema: AudienceResponseSchema } },
    errors: projectErrors(),
  }),
]
