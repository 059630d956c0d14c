import type { BacklogSort } from '../../shared/api'
import type { Db } from './db'
import { BACKLOG_ORDER } from './requests-store'
import { type RequestRow, toRequestRecord } from './rows'
import type { RequestRecord } from './types'

export interface BacklogVoterRecord {
  sub: string
  email: string | null
  plan: string | null
  mrrCents: number
  /** Their account when it is a company (its MRR is what the request counts, once). */
  company: { id: string; name: string | null; mrrCents: number } | null
}

export interface BacklogEntry extends RequestRecord {
  voters: BacklogVoterRecord[]
}

export const BACKLOG_LIMIT = 100
/** Identified voters listed per request, highest revenue first. */
export const BACKLOG_VOTERS_PER_REQUEST = 10

export class BacklogStore {
  constructor(private readonly db: Db) {}

  /**
   * One page of the backlog. The order comes straight from the counters kept on `requests`
   * (an index scan on requests_by_revenue / _by_votes / _by_created), and voters are fetched
   * only for the rows on the page.
   */
  async list(input: {
    projectId: string
    sort: BacklogSort
    limit?: number
    votersPerRequest?: number
    /** Only this request (the admin PATCH answer). */
    requestId?: string
  }): Promise<BacklogEntry[]> {
    const rows = await this.db.query<RequestRow & { voters: BacklogVoterRecord[] | string }>(
      `SELECT r.*, coalesce(top.voters, '[]'::json) AS voters
         FROM (SELECT * FROM requests r
                WHERE r.project_id = $1 AND r.merged_into IS NULL
                  AND ($4::text IS NULL OR r.id = $4)
                ORDER BY ${BACKLOG_ORDER[input.sort]}
                LIMIT $2) r
         LEFT JOIN LATERAL (
           SELECT json_agg(json_build_object('sub', p.sub, 'email', p.email, 'plan', p.plan,
                                             'mrrCents', v.voter_mrr_cents,
                                             'company', CASE WHEN c.id IS NULL THEN NULL ELSE
                                               json_build_object('id', c.external_id, 'name', c.name,
                                                                 'mrrCents', c.mrr_cents) END)
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
      ],
    )
    return rows.map((row) => ({
      ...toRequestRecord(row),
      voters: (typeof row.voters === 'string' ? JSON.parse(row.voters) : row.voters).map(
        (voter: BacklogVoterRecord) => ({
          ...voter,
          mrrCents: Number(voter.mrrCents),
          company: voter.company
            ? { ...voter.company, mrrCents: Number(voter.company.mrrCents) }
            : null,
        }),
      ),
    }))
  }

  async get(projectId: string, requestId: string): Promise<BacklogEntry | null> {
    const [entry] = await this.list({ projectId, sort: 'new', limit: 1, requestId })
    return entry ?? null
  }
}
