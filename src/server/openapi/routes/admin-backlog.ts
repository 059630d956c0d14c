import * as v from 'valibot'
import { BacklogQuerySchema } from '../../routes/admin-backlog'
import type { RouteDoc } from '../route-doc'
import { BacklogResponseSchema } from '../schemas/admin-requests'
import { CursorQueryEntries } from '../schemas/admin-v3'
import { adminDoc, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: backlog'

/** The backlog's filters and sort (the route's own schema), with v3's cursor. */
const BacklogDocQuery = v.object({ ...BacklogQuerySchema.entries, ...CursorQueryEntries })

/** The backlog: JSON with revenue, and the same rows as a CSV download. */
export const adminBacklogDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/backlog',
    tag,
    summary: 'The backlog, with revenue',
    description:
      'Requests with their MRR (counted once per account), accounts, top identified voters and author, sorted by revenue, votes or new, narrowed by title words, status, plan, company or paying author.',
    pathParams: PARAM.project,
    query: BacklogDocQuery,
    responses: { 200: { description: 'The backlog.', schema: BacklogResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/backlog.csv',
    tag,
    summary: 'The backlog as CSV',
    description:
      'The same backlog (sort and filters) as a CSV download of at most 10,000 rows in its order; `Reqio-Export-Truncated: true` says rows were left out.',
    pathParams: PARAM.project,
    query: BacklogQuerySchema,
    responses: { 200: { description: 'The CSV file.', contentType: 'text/csv' } },
    errors: projectErrors(),
  }),
]
