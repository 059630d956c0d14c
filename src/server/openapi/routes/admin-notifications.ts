import type { RouteDoc } from '../route-doc'
import {
  JobRetriedResponseSchema,
  JobsResponseSchema,
  KeptMailResponseSchema,
} from '../schemas/admin-notifications'
import { adminDoc, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: notifications'

/** The project's job queue and the emails kept in demo mode: owner and admin only. */
export const adminNotificationsDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/jobs',
    tag,
    summary: "The project's job queue",
    description: 'Jobs by state, and the jobs that failed for good (emails, webhooks).',
    pathParams: PARAM.project,
    responses: { 200: { description: 'The queue.', schema: JobsResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/jobs/{jid}/retry',
    tag,
    summary: 'Retry a failed job now',
    description: 'No such failed job in this project: 404.',
    pathParams: { ...PARAM.project, jid: 'The job id (a whole number).' },
    responses: { 202: { description: 'Queued again.', schema: JobRetriedResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/mail',
    tag,
    summary: 'Emails kept instead of sent',
    description:
      'In demo mode without SMTP, the emails Reqio would have sent ("Sent mail"), and how mail leaves.',
    pathParams: PARAM.project,
    responses: { 200: { description: 'The kept emails.', schema: KeptMailResponseSchema } },
    errors: projectErrors(),
  }),
]
