import { Hono } from 'hono'
import * as v from 'valibot'
import type { CompanyDetailResponse, CompanyListResponse } from '../../shared/api'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { parseOrFail } from '../http/json-body'
import { listCursor, optionalListCursor } from '../http/list-cursor'
import { toPublicRequest } from '../http/wire'
import { COMPANIES_LIMIT, COMPANY_KEYSET } from '../store/companies-store'
import { keyShape } from '../store/keyset'
import { AdminListLimitSchema } from './admin-list-limit'

export const CompaniesQuerySchema = v.object({
  sort: v.optional(v.picklist(['mrr', 'requests'], 'sort must be mrr or requests'), 'mrr'),
  limit: AdminListLimitSchema,
  cursor: v.optional(v.string()),
})

/**
 * GET /v1/admin/projects/:id/companies: the accounts behind the revenue, by MRR (or by how many
 * requests their people voted for); GET .../companies/:cid: one company and its requests.
 */
export function adminCompaniesRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const project = c.get('project')
      const query = parseOrFail(CompaniesQuerySchema, {
        sort: c.req.query('sort'),
        limit: c.req.query('limit'),
        cursor: c.req.query('cursor'),
      })
      const list = `companies.${query.sort}`
      const page = await deps.store.companies.list({
        projectId: project.id,
        sort: query.sort,
        limit: query.limit ?? COMPANIES_LIMIT,
        after: optionalListCursor(query.cursor, list, keyShape(COMPANY_KEYSET[query.sort])),
      })
      const body: CompanyListResponse = {
        companies: page.companies,
        nextCursor: page.nextKey ? listCursor(list, page.nextKey) : null,
      }
      return c.json(body)
    })
    .get('/:cid', async (c) => {
      const project = c.get('project')
      const detail = await deps.store.companies.get(project.id, c.req.param('cid'))
      if (!detail) throw notFound.thing('No person has sent a token with this company.')
      const body: CompanyDetailResponse = {
        company: detail.company,
        people: detail.people,
        requests: detail.requests.map((request) => ({
          ...toPublicRequest(request),
          mrrCents: request.mrrCents,
          accounts: request.accounts,
          companyVoters: request.companyVoters,
        })),
      }
      return c.json(body)
    })
}
