import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { BACKLOG_EXPORT_MAX_ROWS, type BacklogRequest, SHOWN_STATUSES } from '../../shared/api'
import { toCsv } from '../http/csv'
import type { AppEnv, RouteDeps } from '../http/env'
import { parseOrFail } from '../http/json-body'
import { optionalListCursor, pageOf } from '../http/list-cursor'
import { toBacklogRequest } from '../http/wire'
import type { BacklogExportRow } from '../store/backlog-export-rows'
import type { BacklogFilter } from '../store/backlog-filter'
import { BACKLOG_KEYSET, BACKLOG_LIMIT, backlogKeyOf } from '../store/backlog-store'
import { keyShape } from '../store/keyset'
import { AdminListLimitSchema } from './admin-list-limit'
import { TagFilterSchema } from './tag-schemas'

const shortText = (name: string) =>
  v.optional(
    v.pipe(v.string(), v.trim(), v.maxLength(200, `${name} must be at most 200 characters`)),
  )

export const BacklogQuerySchema = v.object({
  sort: v.optional(
    v.picklist(
      ['revenue', 'votes', 'new', 'at_risk'],
      'sort must be revenue, votes, new or at_risk',
    ),
    'revenue',
  ),
  limit: AdminListLimitSchema,
  cursor: v.optional(v.string()),
  q: shortText('q'),
  status: v.optional(v.picklist(SHOWN_STATUSES, 'status must be a request status or pending')),
  plan: shortText('plan'),
  company: shortText('company'),
  paying: v.optional(v.picklist(['true', 'false'], 'paying must be true or false')),
  /** v3 moderation: the deleted requests (restorable for 30 days) instead of the standing ones. */
  deleted: v.optional(v.picklist(['true', 'false'], 'deleted must be true or false')),
  tag: TagFilterSchema,
  /** v3 revenue at risk: only requests an at-risk account voted for. */
  atRisk: v.optional(v.picklist(['true', 'false'], 'atRisk must be true or false')),
})

/**
 * Any viewer can ask for an export, as often as they like: an export of "every row" cost 10.5 s
 * of the embedded database's one thread and 294 MB at 30,000 requests. The first rows in the
 * chosen order (top revenue by default) are the ones to keep; filters narrow to the rest.
 */
export const EXPORT_MAX_ROWS = BACKLOG_EXPORT_MAX_ROWS

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
  // v3: last, so a spreadsheet reading the columns by position keeps working.
  'at_risk_usd',
]

function csvRecord(entry: BacklogExportRow) {
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
    (entry.atRiskMrrCents / 100).toFixed(2),
  ]
}

/**
 * GET /v1/admin/projects/:id/backlog: requests with revenue, their author and top identified
 * voters, narrowed by title words, status, plan, company or paying author.
 * GET /v1/admin/projects/:id/backlog.csv: the same backlog as a CSV download, up to
 * EXPORT_MAX_ROWS rows (`Reqio-Export-Truncated: true` when there were more).
 */
export function adminBacklogRoutes(deps: RouteDeps) {
  function readQuery(c: Context<AppEnv>) {
    const project = c.get('project')
    const query = parseOrFail(BacklogQuerySchema, {
      sort: c.req.query('sort'),
      limit: c.req.query('limit'),
      cursor: c.req.query('cursor'),
      q: c.req.query('q'),
      status: c.req.query('status'),
      plan: c.req.query('plan'),
      company: c.req.query('company'),
      paying: c.req.query('paying'),
      deleted: c.req.query('deleted'),
      tag: c.req.query('tag'),
      atRisk: c.req.query('atRisk'),
    })
    const filter: BacklogFilter = {
      q: query.q || undefined,
      status: query.status,
      plan: query.plan || undefined,
      company: query.company || undefined,
      paying: query.paying === 'true',
      deleted: query.deleted === 'true',
      tag: query.tag || undefined,
      atRisk: query.atRisk === 'true',
    }
    return { project, query, filter }
  }
  return new Hono<AppEnv>()
    .get('/backlog', async (c) => {
      const { project, query, filter } = readQuery(c)
      // A cursor is a key in one sort's order: the list name carries the sort.
      const list = `backlog.${query.sort}`
      const after = optionalListCursor(query.cursor, list, keyShape(BACKLOG_KEYSET[query.sort]))
      const limit = query.limit ?? BACKLOG_LIMIT
      const entries = await deps.store.backlog.list({
        projectId: project.id,
        sort: query.sort,
        limit: limit + 1,
        filter,
        after,
      })
      const page = pageOf(entries, limit, list, (entry) => backlogKeyOf(query.sort, entry))
      const requests: BacklogRequest[] = page.rows.map(toBacklogRequest)
      return c.json({ requests, nextCursor: page.nextCursor })
    })
    .get('/backlog.csv', async (c) => {
      const { project, query, filter } = readQuery(c)
      // One row more than written tells whether there were more.
      const rows = await deps.store.backlog.exportRows({
        projectId: project.id,
        sort: query.sort,
        limit: EXPORT_MAX_ROWS + 1,
        filter,
      })
      const truncated = rows.length > EXPORT_MAX_ROWS
      const csv = toCsv([CSV_HEADER, ...rows.slice(0, EXPORT_MAX_ROWS).map(csvRecord)])
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${project.id}-backlog.csv"`,
        'Reqio-Export-Truncated': String(truncated),
      })
    })
}
