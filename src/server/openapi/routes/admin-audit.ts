import { AuditQuerySchema } from '../../routes/admin-audit'
import type { RouteDoc } from '../route-doc'
import { AuditLogResponseSchema } from '../schemas/admin-audit'
import { adminDoc, describedQuery, PAGE_MEANINGS, PARAM, projectErrors } from './admin-doc-parts'

export const adminAuditDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/audit',
    tag: 'Admin: audit',
    summary: 'The audit log',
    description:
      "Who did what and when, newest first: actor (a member's email, admin-token or api-key:{name}) and their name, the requests named with their titles, old → new values (keys naming secrets never shown) and one sentence per line.",
    pathParams: PARAM.project,
    query: describedQuery(AuditQuerySchema, PAGE_MEANINGS),
    responses: { 200: { description: 'The audit log.', schema: AuditLogResponseSchema } },
    errors: projectErrors(),
  }),
]
