import type { AtRiskAccount, BacklogSort, BacklogVoter } from '../../shared/api'
import { atRiskAccounts, PAGE_AT_RISK, REQUESTS_WITH_AT_RISK } from './at-risk-revenue'
import { type BacklogExportRow, listBacklogExportRows } from './backlog-export-rows'
import { type BacklogFilter, filterConditions } from './backlog-filter'
import type { Db } from './db'
import { type KeysetColumn, keysetAfter } from './keyset'
import { listRequestAtRiskAccounts } from './request-at-risk-accounts'
import { BACKLOG_ORDER } from './requests-store'
import { revenueFactsJson, toRevenueFacts } from './revenue-facts'
import { REQUEST_COLUMNS, type RequestRow, toRequestRecord } from './rows'
import type { RequestRecord } from './types'

export type BacklogVoterRecord = BacklogVoter

export interface BacklogEntry extends RequestRecord {
  voters: BacklogVoterRecord[]
  /** Who submitted it, when identified (also after identifying later); null when anonymous. */
  author: BacklogVoterRecord | null
  /** created_at exactly as stored (microseconds): part of a cursor's key, never on the wire. */
  createdKey: string
  /** v3: the MRR of the at-risk accounts among the voters (store/at-risk-revenue.ts). */
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

interface RevenueJson {
  mrrCents: number | string
  mrrSource: string
  mrrAsOf: string
  atRisk: boolean
}
type VoterJson = Omit<BacklogVoterRecord, 'mrrCents' | 'company'> &
  RevenueJson & { company: ({ id: string; name: string | null } & RevenueJson) | null }

function revenueOf(json: RevenueJson) {
  return {
    mrrCents: Number(json.mrrCents),
    ...toRevenueFacts({
      mrr_source: json.mrrSource,
      mrr_as_of: json.mrrAsOf,
      at_risk: json.atRisk,
    }),
  }
}

function toVoterRecord(voter: VoterJson): BacklogVoterRecord {
  return {
    sub: voter.sub,
    email: voter.email,
    plan: voter.plan,
    ...revenueOf(voter),
    company: voter.company
      ? { id: voter.company.id, name: voter.company.name, ...revenueOf(voter.company) }
      : null,
  }
}

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value
}

/** The WITH query `page`: the page's requests, straight from an index in the sort's order. */
function orderedPage(where: string, order: string): string {
  return `page AS MATERIALIZED (
         SELECT ${REQUEST_COLUMNS}, r.author_person_id, r.created_at::text AS created_key
           FROM requests r ${where} ORDER BY ${order} LIMIT $2)`
}

/**
 * The WITH query `page` of the at_risk sort: every request's revenue at risk is worked out and
 * sorted on the narrow keys first, then only the page's rows are read in full (their tags and
 * images are subqueries, not worth running for 10,000 rows).
 */
function atRiskPage(where: string, order: string): string {
  return `page_keys AS MATERIALIZED (
         SELECT r.id, r.at_risk_mrr_cents FROM ${REQUESTS_WITH_AT_RISK} r
          ${where} ORDER BY ${order} LIMIT $2),
       page AS MATERIALIZED (
         SELECT ${REQUEST_COLUMNS}, r.author_person_id, r.created_at::text AS created_key,
                k.at_risk_mrr_cents
           FROM requests r JOIN page_keys k ON k.id = r.id)`
}

export const BACKLOG_LIMIT = 100
/** Identified voters listed per request, highest revenue first. */
export const BACKLOG_VOTERS_PER_REQUEST = 10

export class BacklogStore {
  constructor(private readonly db: Db) {}

  /**
   * One page of the backlog. The order comes straight from the counters kept on `requests`
   * (an index scan on requests_by_revenue / _by_votes / _by_created), and voters and the
   * revenue at risk are fetched only for the rows on the page (`page`). The at_risk sort reads
   * each request's revenue at risk first (store/at-risk-revenue.ts).
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
    const byAtRisk = input.sort === 'at_risk'
    const after = input.after
      ? keysetAfter(BACKLOG_KEYSET[input.sort], input.after, 5 + filter.params.length)
      : null
    const where = `WHERE r.project_id = $1 AND r.merged_into IS NULL
                     AND ($4::text IS NULL OR r.id = $4)
                     ${filter.sql}
                     ${after ? `AND ${after.sql}` : ''}`
    const rows = await this.db.query<
      RequestRow & {
        voters: VoterJson[] | string
        author: VoterJson | string | null
        created_key: string
        at_risk_cents: number | string
      }
    >(
      `WITH ${atRiskAccounts('$1')},
       ${byAtRisk ? atRiskPage(where, BACKLOG_ORDER.at_risk) : orderedPage(where, BACKLOG_ORDER[input.sort])},
       ${PAGE_AT_RISK}
       SELECT r.*, coalesce(top.voters, '[]'::json) AS voters,
              coalesce(page_at_risk.cents, 0) AS at_risk_cents,
              CASE WHEN ap.id IS NULL THEN NULL ELSE
                json_build_object('sub', ap.sub, 'email', ap.email, 'plan', ap.plan,
                                  'mrrCents', ap.mrr_cents, ${revenueFactsJson('ap')},
                                  'company', CASE WHEN ac.id IS NULL THEN NULL ELSE
                                    json_build_object('id', ac.external_id, 'name', ac.name,
                                                      'mrrCents', ac.mrr_cents,
                                                      ${revenueFactsJson('ac')}) END) END AS author
         FROM page r
         LEFT JOIN page_at_risk ON page_at_risk.request_id = r.id
         LEFT JOIN people ap ON ap.id = r.author_person_id
         LEFT JOIN companies ac ON ac.id = ap.company_id
         LEFT JOIN LATERAL (
           SELECT json_agg(json_build_object('sub', p.sub, 'email', p.email, 'plan', p.plan,
                                             'mrrCents', v.voter_mrr_cents,
                                             ${revenueFactsJson('p')},
                                             'company', CASE WHEN c.id IS NULL THEN NULL ELSE
                                               json_build_object('id', c.external_id, 'name', c.name,
                                                                 'mrrCents', c.mrr_cents,
                                                                 ${revenueFactsJson('c')}) END)
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
        voters: parseJson(row.voters).map(toVoterRecord),
        author: author ? toVoterRecord(author) : null,
        createdKey: row.created_key,
        atRiskMrrCents: Number(row.at_risk_cents),
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
