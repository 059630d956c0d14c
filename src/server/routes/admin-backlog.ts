import { Hono } from 'hono'
import * as v from 'valibot'
import type { BacklogRequest } from '../../shared/api'
import type { AppEnv, RouteDeps } from '../http/env'
import { parseOrFail } from '../http/json-body'
import { toBacklogRequest } from '../http/wire'
import { BACKLOG_LIMIT } from '../store/backlog-store'
import { requireProject } from './admin-project-lookup'

const BacklogQuerySchema = v.object({
  sort: v.optional(
    v.picklist(['revenue', 'votes', 'new'], 'sort must be revenue, votes or new'),
    'revenue',
  ),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.toNumber(),
      v.integer(),
      v.minValue(1),
      v.maxValue(500, 'limit must be at most 500'),
    ),
  ),
})

/** GET /v1/admin/projects/:id/backlog: requests with revenue and their top identified voters. */
export function adminBacklogRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/v1/admin/projects/:id/backlog', async (c) => {
    const project = await requireProject(deps, c.req.param('id'))
    const query = parseOrFail(BacklogQuerySchema, {
      sort: c.req.query('sort'),
      limit: c.req.query('limit'),
    })
    const entries = await deps.store.backlog.list({
      projectId: project.id,
      sort: query.sort,
      limit: query.limit ?? BACKLOG_LIMIT,
    })
    const requests: BacklogRequest[] = entries.map(toBacklogRequest)
    return c.json({ requests })
  })
}
