import type { PersonErasurePreview, PersonSummary, PersonVote } from '../../shared/api'
import type { Db } from './db'
import { type KeysetColumn, keysetAfter } from './keyset'
import { containsPattern } from './request-search'
import { type RevenueFactColumns, toRevenueFacts } from './revenue-facts'
import { REQUEST_COLUMNS, type RequestRow, toIso, toRequestRecord } from './rows'
import type { RequestRecord } from './types'

export const PEOPLE_LIMIT = 50
/** A person's page lists at most this many of their votes (the export has every one). */
export const PERSON_VOTES_SHOWN = 1000
export const PERSON_REQUESTS_SHOWN = 200
export const PERSON_COMMENTS_SHOWN = 500

/** Most recently seen first; the id parts people seen in the same microsecond. */
export const PEOPLE_KEYSET: readonly KeysetColumn[] = [
  { sql: 'p.updated_at', descending: true, type: 'timestamp' },
  { sql: 'p.id', descending: true, type: 'number' },
]

export interface PersonListEntry extends PersonSummary {
  /** The row's place in PEOPLE_KEYSET's order: a cursor's key, never on the wire. */
  key: [string, number]
}

interface PersonRow extends RevenueFactColumns {
  id: number | string
  sub: string
  email: string | null
  name: string | null
  plan: string | null
  mrr_cents: number | string
  updated_at: Date | string
  seen_key: string
  company_id: string | null
  company_name: string | null
  requests: number | string
  votes: number | string
  comments: number | string
}

/**
 * A person with their counts. Each count is an index lookup (requests_by_author, votes_by_person,
 * comments_by_author) for the rows of one page, never an aggregate over the project.
 */
const PERSON_SELECT = `
  SELECT p.id, p.sub, p.email, p.name, p.plan, p.mrr_cents, p.mrr_source, p.mrr_as_of, p.at_risk,
         p.updated_at,
         p.updated_at::text AS seen_key, c.external_id AS company_id, c.name AS company_name,
         (SELECT count(*) FROM requests r WHERE r.project_id = p.project_id
             AND r.author_voter = 's:' || p.sub AND r.merged_into IS NULL
             AND r.deleted_at IS NULL) AS requests,
         (SELECT count(*) FROM votes v WHERE v.person_id = p.id) AS votes,
         (SELECT count(*) FROM comments cm WHERE cm.project_id = p.project_id
             AND cm.author_voter = 's:' || p.sub
             AND NOT EXISTS (SELECT 1 FROM requests dr
                              WHERE dr.id = cm.request_id AND dr.deleted_at IS NOT NULL)) AS comments
    FROM people p LEFT JOIN companies c ON c.id = p.company_id`

function toEntry(row: PersonRow): PersonListEntry {
  return {
    sub: row.sub,
    email: row.email,
    name: row.name,
    plan: row.plan,
    mrrCents: Number(row.mrr_cents),
    ...toRevenueFacts(row),
    company: row.company_id === null ? null : { id: row.company_id, name: row.company_name },
    lastSeenAt: toIso(row.updated_at),
    requests: Number(row.requests),
    votes: Number(row.votes),
    comments: Number(row.comments),
    key: [row.seen_key, Number(row.id)],
  }
}

export interface PersonDetailRecord {
  /** The people row's id: what votes, comments and the rest point at. */
  id: number
  summary: PersonSummary
  requests: RequestRecord[]
  votes: PersonVote[]
  erasure: PersonErasurePreview
}

/** The people of a project as the dashboard reads them: list, search and one person's page. */
export class PeopleAdminStore {
  constructor(private readonly db: Db) {}

  /**
   * One page, most recently seen first. `q` matches email, name, sub or company name,
   * case-insensitively, anywhere in them.
   */
  async list(input: {
    projectId: string
    q?: string
    limit: number
    after?: readonly unknown[] | null
  }): Promise<PersonListEntry[]> {
    const keyset = input.after ? keysetAfter(PEOPLE_KEYSET, input.after, 4) : null
    const rows = await this.db.query<PersonRow>(
      `${PERSON_SELECT}
        WHERE p.project_id = $1
          AND ($3::text IS NULL OR p.email ILIKE $3 OR p.name ILIKE $3 OR p.sub ILIKE $3
               OR c.name ILIKE $3)
          ${keyset ? `AND ${keyset.sql}` : ''}
        ORDER BY p.updated_at DESC, p.id DESC
        LIMIT $2`,
      [
        input.projectId,
        input.limit,
        input.q ? containsPattern(input.q) : null,
        ...(keyset?.params ?? []),
      ],
    )
    return rows.map(toEntry)
  }

  /** The person `sub` with the requests they wrote, their votes and what erasing them takes. */
  async detail(projectId: string, sub: string): Promise<PersonDetailRecord | null> {
    const [row] = await this.db.query<PersonRow>(
      `${PERSON_SELECT} WHERE p.project_id = $1 AND p.sub = $2`,
      [projectId, sub],
    )
    if (!row) return null
    const id = Number(row.id)
    const [requests, votes, [erasure]] = await Promise.all([
      this.db.query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM requests r
          WHERE r.project_id = $1 AND r.author_voter = $2 AND r.merged_into IS NULL
            AND r.deleted_at IS NULL
          ORDER BY r.created_at DESC, r.id LIMIT $3`,
        [projectId, `s:${sub}`, PERSON_REQUESTS_SHOWN],
      ),
      this.db.query<{ request_id: string; created_at: Date | string; title: string }>(
        `SELECT v.request_id, v.created_at, r.title FROM votes v JOIN requests r ON r.id = v.request_id
          WHERE v.person_id = $1 ORDER BY v.created_at DESC, v.request_id LIMIT $2`,
        [id, PERSON_VOTES_SHOWN],
      ),
      // Where they are the last voter of their account, the request loses the account's MRR.
      this.db.query<{ requests: number | string; mrr_cents: number | string }>(
        `SELECT count(*) AS requests, coalesce(sum(ra.mrr_cents), 0) AS mrr_cents
           FROM votes v JOIN request_accounts ra
             ON ra.request_id = v.request_id AND ra.account = v.account
          WHERE v.person_id = $1 AND ra.voters = 1 AND ra.mrr_cents > 0`,
        [id],
      ),
    ])
    const { key: _key, ...summary } = toEntry(row)
    return {
      id,
      summary,
      requests: requests.map((request) => toRequestRecord(request)),
      votes: votes.map((vote) => ({
        requestId: vote.request_id,
        createdAt: toIso(vote.created_at),
        title: vote.title,
      })),
      erasure: {
        votes: summary.votes,
        comments: summary.comments,
        requestsLosingRevenue: Number(erasure?.requests ?? 0),
        mrrCents: Number(erasure?.mrr_cents ?? 0),
      },
    }
  }
}
