import { Hono } from 'hono'
import type { CompanyMrrHistoryResponse } from '../../shared/api/revenue'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'

/**
 * GET /v1/admin/projects/:id/companies/:cid/mrr-history: every change of the company's MRR,
 * newest first, with its source (token or Stripe) and time ("$490 → $990 on 3 Dec, from Stripe").
 */
export function adminCompanyMrrHistoryRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/:cid/mrr-history', async (c) => {
    const project = c.get('project')
    const account = await deps.store.companies.accountOf(project.id, c.req.param('cid'))
    if (!account) throw notFound.thing('No person has sent a token with this company.')
    const body: CompanyMrrHistoryResponse = {
      changes: await deps.store.mrrHistory.list(project.id, account),
    }
    return c.json(body)
  })
}
