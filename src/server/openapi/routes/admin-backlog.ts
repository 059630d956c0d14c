import { BacklogQuerySchema } from '../../routes/admin-backlog'
import type { RouteDoc } from '../route-doc'
import { BacklogResponseSchema } from '../schemas/admin-requests'
import { adminDoc, describedQuery, PAGE_MEANINGS, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: backlog'

/** What each of the backlog's parameters means (the CSV takes the same but the page). */
const FILTER_MEANINGS = {
  sort: 'revenue (MRR, counted once per account; the default), votes, new, or v3 at_risk (the MRR of the at-risk accounts among the voters, then revenue).',
  q: 'Words in the title.',
  status:
    "Only requests with this status; v3: `pending` lists the ones waiting for the team's approval (left out otherwise).",
  plan: 'A voter, or their company, is on this plan.',
  company: "A voter's company id (the token's company.id).",
  paying: 'true: only requests submitted by a paying customer.',
  deleted:
    'v3: true lists the deleted requests (restorable for 30 days) instead of the standing ones.',
  tag: 'Only requests carrying this tag (its id); an id no tag has finds nothing.',
  atRisk:
    'v3: true lists only requests an at-risk account (Stripe past_due, or cancelling at the period end) voted for.',
}

/** The backlog's filters, sort and page (the route's own schema). */
const BacklogDocQuery = describedQuery(BacklogQuerySchema, { ...FILTER_MEANINGS, ...PAGE_MEANINGS })

/** The backlog: JSON with revenue, and the same rows as a CSV download. */
export const adminBacklogDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/backlog',
    tag,
    summary: 'The backlog, with revenue',
    description:
      'Requests with their MRR (counted once per account), the MRR at risk among it, accounts, top identified voters and author, sorted by revenue, votes, new or revenue at risk, narrowed by title words, status, plan, company, paying author or at-risk voters.',
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
    query: describedQuery(BacklogQuerySchema, {
      ...FILTER_MEANINGS,
      limit: 'Ignored: the CSV writes up to 10,000 rows.',
    }),
    responses: { 200: { description: 'The CSV file.', contentType: 'text/csv' } },
    errors: projectErrors(),
  }),
]
