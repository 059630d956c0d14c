import type { RouteDoc } from '../route-doc'
import { BacklogRequestResponseSchema } from '../schemas/admin-requests'
import { adminDoc, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: requests'

/** v3 moderation (spec "Spam and deletion"): delete, restore, approve. */
export const adminModerationDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'delete',
    path: '/v1/admin/projects/{id}/requests/{rid}',
    tag,
    summary: 'Delete a request (spam), or reject a pending one',
    description:
      'The request leaves every public answer (its GET: 404 request_not_found), the backlog (unless ?deleted=true) and every company and people count; its votes stop counting, and nobody is notified (no email, webhook or update; an audit line `request.deleted`). Requests merged into it go with it. Restorable for 30 days, then removed for good. A request merged into another, or already deleted: 404.',
    pathParams: PARAM.request,
    responses: { 204: { description: 'Deleted.' } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/requests/{rid}/restore',
    tag,
    summary: 'Restore a deleted request',
    description:
      "Within 30 days of its deletion the request comes back as it was, its votes counting again (for each voter's account as it is now). Nobody is notified. Not deleted, unknown or already purged: 404.",
    pathParams: PARAM.request,
    responses: {
      200: {
        description: 'The request, back in the backlog.',
        schema: BacklogRequestResponseSchema,
      },
    },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/requests/{rid}/approve',
    tag,
    summary: 'Approve a pending request',
    description:
      'A request waiting for approval (project setting `moderation`) gets its first status (`open`) and shows to everyone; what a new request sets off happens now (webhook request.created, team email, Slack). Not pending: 404.',
    pathParams: PARAM.request,
    responses: {
      200: { description: 'The approved request.', schema: BacklogRequestResponseSchema },
    },
    errors: projectErrors(),
  }),
]
