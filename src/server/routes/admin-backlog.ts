import { Hono } from 'hono'
import * as v from 'valibot'
import { type BacklogRequest, REQUEST_STATUSES } from '../../shared/api'
import { toCsv } from '../http/csv'
import type { AppEnv, RouteDeps } from '../http/env'
import { parseOrFail } from '../http/json-body'
import { toBacklogRequest } from '../http/wire'
import { BACKLOG_LIMIT, type BacklogEntry } from '../store/backlog-store'
import { requireProject } from './admin-project-lookup'

const shortText = (name: string) =>
  v.optional(
    v.pipe(v.string(), v.trim(), v.maxLength(200, `${name} must be at most 200 characters`)),
  )

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
  q: shortText('q'),
  status: v.optional(v.picklist(REQUEST_STATUSES, 'status must be a request status')),
  plan: shortText('plan'),
  company: shortText('company'),
  paying: v.optional(v.picklist(['true', 'false'], 'paying must be true or false')),
})

/** Every request in an export, not one page (the dashboard's page is at most 500). */
const EXPORT_LIMIT = 100_000

const CSV_HEADER = [
  'id',
  'title',
  'status',
  'votes',
  'accounts',
  'mrr_usd',
  'comments',
  'author_sub',
  'author_email',
  'author_plan',
  'author_company',
  'created_at',
]

function csvRecord(entry: BacklogEntry) {
  return [
    entry.id,
    entry.title,
    entry.status,
    entry.votes,
    entry.accounts,
    (entry.mrrCents / 100).toFixed(2),
    entry.commentCount,
    entry.author?.sub ?? null,
    entry.author?.email ?? null,
    entry.author?.plan ?? null,
    entry.author?.company ? (entry.author.company.name ?? entry.author.company.id) : null,
    entry.createdAt,
  ]
}

/**
 * GET /v1/admin/projects/:id/backlog: requests with revenue, their author and top identified
 * voters, narrowed by title words, status, plan, company or paying author.
 * GET /v1/admin/projects/:id/backlog.csv: the same backlog, every row, as a CSV download.
 */
export function adminBacklogRoutes(deps: RouteDeps) {
  async function readBacklog(c: import('hono').Context<AppEnv>, limit?: number) {
    const project = await requireProject(deps, c.req.param('id') ?? '')
    const query = parseOrFail(BacklogQuerySchema, {
      sort: c.req.query('sort'),
      limit: c.req.query('limit'),
      q: c.req.query('q'),
      status: c.req.query('status'),
      plan: c.req.query('plan'),
      company: c.req.query('company'),
      paying: c.req.query('paying'),
    })
    const entries = await deps.store.backlog.list({
      projectId: project.id,
      sort: query.sort,
      limit: limit ?? query.limit ?? BACKLOG_LIMIT,
      filter: {
        q: query.q || undefined,
        status: query.status,
        plan: query.plan || undefined,
        company: query.company || undefined,
        paying: query.paying === 'true',
      },
    })
    return { project, entries }
  }
  return new Hono<AppEnv>()
    .get('/v1/admin/projects/:id/backlog', async (c) => {
      const { entries } = await readBacklog(c)
      const requests: BacklogRequest[] = entries.map(toBacklogRequest)
      return c.json({ requests })
    })
    .get('/v1/admin/projects/:id/backlog.csv', async (c) => {
      const { project, entries } = await readBacklog(c, EXPORT_LIMIT)
      const csv = toCsv([CSV_HEADER, ...entries.map(csvRecord)])
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${project.id}-backlog.csv"`,
      })
    })
}
