import { CompaniesQuerySchema } from '../../routes/admin-companies'
import type { RouteDoc } from '../route-doc'
import { CompanyDetailResponseSchema, CompanyListResponseSchema } from '../schemas/admin-companies'
import { adminDoc, describedQuery, PAGE_MEANINGS, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: companies'

/** Revenue per account (spec "Companies"): the list and one company. */
export const adminCompaniesDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/companies',
    tag,
    summary: 'The companies behind the revenue',
    description:
      'Each company with its MRR, plan, people seen with it and distinct requests its people voted for; by MRR (default) or by requests.',
    pathParams: PARAM.project,
    query: describedQuery(CompaniesQuerySchema, {
      sort: 'mrr (the default) or requests (distinct requests its people voted for).',
      ...PAGE_MEANINGS,
    }),
    responses: { 200: { description: 'The companies.', schema: CompanyListResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/companies/{cid}',
    tag,
    summary: 'One company, its people and their requests',
    description: 'No person has sent a token with this company: 404.',
    pathParams: { ...PARAM.project, cid: "The company id (the token's company.id)." },
    responses: { 200: { description: 'The company.', schema: CompanyDetailResponseSchema } },
    errors: projectErrors(),
  }),
]
