import type { BacklogSort } from '../../shared/api'
import { type BacklogFilter, filterConditions } from './backlog-filter'
import type { Db } from './db'
import { BACKLOG_ORDER } from './requests-store'
import { toIso } from './rows'

/** One line of the backlog CSV: what it prints and nothing more (no body, no voters). */
export interface BacklogExportRow {
  id: string
  title: string
  status: string
  votes: number
  accounts: number
  mrrCents: number
  /** v3: the MRR of the at-risk accounts among the voters. */
  atRiskMrrCents: number
  commentCount: number
  createdAt: string
  author: {
    sub: string
    email: string | null
    plan: string | null
    company: { id: string; name: string | null } | null
  } | null
}

interface ExportRowSql {
  id: string
  title: string
  status: string
  votes: number | string
  accounts: number | string | null
  mrr_cents: number | string
  at_risk_mrr_cents: number | string
  comment_count: number | string | null
  created_at: Date | string
  author_sub: string | null
  author_email: string | null
  author_plan: string | null
  author_company_id: string | null
  author_company_name: string | null
}

/**
 * The backlog in its list order, at most `limit` rows, for the CSV export. The list's own query
 * (BacklogStore.list) also reads every body and each request's top voters as JSON, which the
 * CSV never prints: at 30,000 requests of 5 KB that was 294 MB of memory and 10.5 s of PGlite's
 * one thread for one viewer's click. This reads only the printed columns.
 */
export async function listBacklogExportRows(
  db: Db,
  input: { projectId: string; sort: BacklogSort; limit: number; filter?: BacklogFilter },
): Promise<BacklogExportRow[]> {
  const filter = filterConditions(input.filter ?? {}, 3)
  const order = BACKLOG_ORDER[input.sort]
  const rows = await db.query<ExportRowSql>(
    `SELECT r.id, r.title, r.status, r.votes, r.accounts, r.mrr_cents, r.at_risk_mrr_cents,
            r.comment_count, r.created_at, ap.sub AS author_sub, ap.email AS author_email, ap.plan AS author_plan,
            ac.external_id AS author_company_id, ac.name AS author_company_name
       FROM (SELECT r.id, r.title, r.status, r.votes, r.accounts, r.mrr_cents, r.comment_count,
                    r.created_at, r.author_person_id, r.at_risk_mrr_cents
               FROM requests r
              WHERE r.project_id = $1 AND r.merged_into IS NULL
                ${filter.sql}
              ORDER BY ${order}
              LIMIT $2) r
       LEFT JOIN people ap ON ap.id = r.author_person_id
       LEFT JOIN companies ac ON ac.id = ap.company_id
      ORDER BY ${order}`,
    [input.projectId, input.limit, ...filter.params],
  )
  return rows.map(toExportRow)
}

function toExportRow(row: ExportRowSql): BacklogExportRow {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    votes: Number(row.votes),
    accounts: Number(row.accounts ?? 0),
    mrrCents: Number(row.mrr_cents),
    atRiskMrrCents: Number(row.at_risk_mrr_cents),
    commentCount: Number(row.comment_count ?? 0),
    createdAt: toIso(row.created_at),
    author:
      row.author_sub === null
        ? null
        : {
            sub: row.author_sub,
            email: row.author_email,
            plan: row.author_plan,
            company:
              row.author_company_id === null
                ? null
                : { id: row.author_company_id, name: row.author_company_name },
          },
  }
}
