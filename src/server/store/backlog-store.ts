import type { AtRiskAccount, BacklogSort, BacklogVoter } from '../../shared/api'
import { type BacklogExportRow, listBacklogExportRows } from './backlog-export-rows'
import { type BacklogFilter, filterConditions } from './backlog-filter'
import { toBacklogVoter, type VoterTuple, voterTupleSql } from './backlog-voters'
import type { Db } from './db'
import { type KeysetColumn, keysetAfter } from './keyset'
import { listRequestAtRiskAccounts } from './request-at-risk-accounts'
import { BACKLOG_ORDER } from './requests-store'
import { REQUEST_COLUMNS, type RequestRow, toRequestRecord } from './rows'
import type { RequestRecord } from './types'

export interface BacklogEntry extends RequestRecord {
  voters: BacklogVoter[]
  /** Who submitted it, when identified (also after identifying later); null when anonymous. */
  author: BacklogVoter | null
  /** created_at exactly as stored (microseconds): part of a cursor's key, never on the wire. */
  createdKey: string
  /** v3: the MRR of the at-risk accounts among the voters (kept by store/account-revenue.ts). */
  atRiskMrrCents: number
}

/**
 * Each sort's order as keyset columns: BACKLOG_ORDER (requests-store.ts) column for column, so
 * a cursor page continues exactly where the previous page's order stopped.
 */
export const BACKLOG_KEYSET: Record<BacklogSort, readonly KeysetColumn[]> = {
  revenue: [
    { sql: 'r.mrr_cents', descending: true, type: 'number' },
    { sql: 'r.votes', descending: true, type: 'number' },
    { sql: 'r.created_at', descending: true, type: 'timestamp' },
    { sql: 'r.id', descending: false, type: 'text' },
  ],
  votes: [
    { sql: 'r.votes', descending: true, type: 'number' },
    { sql: 'r.created_at', descending: true, type: 'timestamp' },
    { sql: 'r.id', descending: false, type: 'text' },
  ],
  new: [
    { sql: 'r.created_at', descending: true, type: 'timestamp' },
    { sql: 'r.id', descending: false, type: 'text' },
  ],
  at_risk: [
    { sql: 'r.at_risk_mrr_cents', descending: true, type: 'number' },
    { sql: 'r.mrr_cents', descending: true, type: 'number' },
    { sql: 'r.votes', descending: true, type: 'number' },
    { sql: 'r.created_at', descending: true, type: 'timestamp' },
    { sql: 'r.id', descending: false, type: 'text' },
  ],
}

/** The key of an entry in `sort`'s order, as BACKLOG_KEYSET lists its columns. */
export function backlogKeyOf(sort: BacklogSort, entry: BacklogEntry): (string | number)[] {
  const tail = [entry.createdKey, entry.id]
  if (sort === 'revenue') return [entry.mrrCents, entry.votes, ...tail]
  if (sort === 'votes') return [entry.votes, ...tail]
  if (sort === 'at_risk') return [entry.atRiskMrrCents, entry.mrrCents, entry.votes, ...tail]
  return tail
}

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value
}

export const BACKLOG_LIMIT = 100
/** Identified voters listed per request, highest revenue first. */
export const BACKLOG_VOTERS_PER_REQUEST = 10

export class BacklogStore {
  constructor(private readonly db: Db) {}

  /**
   * One page of the backlog. The order comes straight from the counters kept on `requests`
   * (an index scan on requests_by_revenue / _by_votes / _by_created / _by_at_risk), and voters
   * are fetched only for the rows on the page (`page`).
   */
  async list(input: {
    projectId: string
    sort: BacklogSort
    limit?: number
    votersPerRequest?: number
    /** Only this request (the admin PATCH answer). */
    requestId?: string
    filter?: BacklogFilter
    /** Only the rows after this key (backlogKeyOf) in `sort`'s order: the next page. */
    after?: readonly unknown[] | null
  }): Promise<BacklogEntry[]> {
    const filter = filterConditions(input.filter ?? {}, 5)
    const after = input.after
      ? keysetAfter(BACKLOG_KEYSET[input.sort], input.after, 5 + filter.params.length)
      : null
    const where = `WHERE r.project_id = $1 AND r.merged_into IS NULL
                     AND ($4::text IS NULL OR r.id = $4)
                     ${filter.sql}
                     ${after ? `AND ${after.sql}` : ''}`
    const rows = await this.db.query<
      RequestRow & {
        voters: VoterTuple[] | string
        author: VoterTuple | string | null
        created_key: string
        at_risk_mrr_cents: number | string
      }
    >(
      `WITH page AS MATERIALIZED (
         SELECT ${REQUEST_COLUMNS}, r.author_person_id, r.created_at::text AS created_key,
                r.at_risk_mrr_cents
           FROM requests r ${where} ORDER BY ${BACKLOG_ORDER[input.sort]} LIMIT $2)
       SELECT r.*, coalesce(top.voters, '[]'::json) AS voters,
              CASE WHEN ap.id IS NULL THEN NULL
                   ELSE ${voterTupleSql('ap', 'ac', 'ap.mrr_cents')} END AS author
         FROM page r
         LEFT JOIN people ap ON ap.id = r.author_person_id
         LEFT JOIN companies ac ON ac.id = ap.company_id
         LEFT JOIN LATERAL (
           SELECT json_agg(${voterTupleSql('p', 'c', 'v.voter_mrr_cents')}
                           ORDER BY v.voter_mrr_cents DESC, v.voter) AS voters
             FROM (SELECT person_id, voter, voter_mrr_cents FROM votes
                    WHERE request_id = r.id AND person_id IS NOT NULL
                    ORDER BY voter_mrr_cents DESC, voter
                    LIMIT $3) v
             JOIN people p ON p.id = v.person_id
             LEFT JOIN companies c ON c.id = p.company_id
         ) top ON true
        ORDER BY ${BACKLOG_ORDER[input.sort]}`,
      [
        input.projectId,
        input.limit ?? BACKLOG_LIMIT,
        input.votersPerRequest ?? BACKLOG_VOTERS_PER_REQUEST,
        input.requestId ?? null,
        ...filter.params,
        ...(after?.params ?? []),
      ],
    )
    return rows.map((row) => {
      const author = row.author === null ? null : parseJson(row.author)
      return {
        ...toRequestRecord(row),
        voters: parseJson(row.voters).map(toBacklogVoter),
        author: author ? toBacklogVoter(author) : null,
        createdKey: row.created_key,
        atRiskMrrCents: Number(row.at_risk_mrr_cents),
      }
    })
  }

  /** What the CSV export prints, at most `limit` rows (store/backlog-export-rows.ts). */
  exportRows(input: {
    projectId: string
    sort: BacklogSort
    limit: number
    filter?: BacklogFilter
  }): Promise<BacklogExportRow[]> {
    return listBacklogExportRows(this.db, input)
  }

  /** v3: the at-risk accounts among a request's voters (store/request-at-risk-accounts.ts). */
  atRiskAccounts(projectId: string, requestId: string): Promise<AtRiskAccount[]> {
    return listRequestAtRiskAccounts(this.db, projectId, requestId)
  }

  async get(projectId: string, requestId: string): Promise<BacklogEntry | null> {
    const [entry] = await this.list({ projectId, sort: 'new', limit: 1, requestId })
    return entry ?? null
  }
}
