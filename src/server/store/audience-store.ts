import type { UpdateKind } from '../../shared/notifications'
import type { Db, SqlExecutor } from './db'
import { moveUnfollows, NOT_UNFOLLOWED } from './following-store'
import { wantsKind } from './notification-preferences-store'
import type { RequestRow } from './rows'

/** An identified person who hears about a request: its author, a voter or a commenter. */
export interface AudienceMember {
  personId: number
  sub: string
  email: string | null
  unsubscribed: boolean
}

/**
 * Who wrote, voted for or commented on a request (and on the requests merged into it), or
 * followed it by hand, less whoever unfollowed it (following-store.ts); with `kind`, also less
 * whoever turned that kind of news off (notification-preferences-store.ts).
 * Commenters are the rows of request_followers, added when a comment.created event fans out:
 * this is the one interface the notification code needs from comments.
 */
export async function requestAudience(
  sql: SqlExecutor,
  projectId: string,
  requestId: string,
  kind?: UpdateKind,
): Promise<AudienceMember[]> {
  const rows = await sql.query<{
    id: number
    sub: string
    email: string | null
    unsubscribed: boolean
  }>(
    `SELECT p.id, p.sub, p.email,
            EXISTS (SELECT 1 FROM mail_unsubscribes u
                     WHERE u.project_id = p.project_id AND u.person_id = p.id) AS unsubscribed
       FROM people p
      WHERE p.project_id = $1 AND p.id IN (
        SELECT author_person_id FROM requests
         WHERE project_id = $1 AND (id = $2 OR merged_into = $2) AND author_person_id IS NOT NULL
        UNION SELECT person_id FROM votes WHERE request_id = $2 AND person_id IS NOT NULL
        UNION SELECT person_id FROM request_followers WHERE request_id = $2)
        -- v3 moderation: a deleted request tells nobody, whatever was queued before.
        AND NOT EXISTS (SELECT 1 FROM requests d WHERE d.id = $2 AND d.deleted_at IS NOT NULL)
        AND ${NOT_UNFOLLOWED} ${kind ? `AND ${wantsKind('$3')}` : ''}
      ORDER BY p.id`,
    kind ? [projectId, requestId, kind] : [projectId, requestId],
  )
  return rows.map((row) => ({
    personId: row.id,
    sub: row.sub,
    email: row.email,
    unsubscribed: row.unsubscribed,
  }))
}

export class AudienceStore {
  constructor(private readonly db: Db) {}

  audience(projectId: string, requestId: string): Promise<AudienceMember[]> {
    return requestAudience(this.db, projectId, requestId)
  }

  /** Anonymous voters and authors: they hear nothing, but the dashboard counts them. */
  async anonymousCount(projectId: string, requestId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(DISTINCT voter)::int AS n FROM (
         SELECT voter FROM votes WHERE request_id = $2 AND person_id IS NULL
         UNION SELECT author_voter FROM requests
          WHERE project_id = $1 AND (id = $2 OR merged_into = $2) AND author_person_id IS NULL) t`,
      [projectId, requestId],
    )
    return row?.n ?? 0
  }
}

/**
 * After a merge, whoever followed the source follows the target, and whoever unfollowed it
 * stays silent there (moved first: a hand-made follow of the target still wins).
 */
export async function moveFollowers(tx: SqlExecutor, fromId: string, toId: string): Promise<void> {
  await moveUnfollows(tx, fromId, toId)
  await tx.query(
    `INSERT INTO request_followers (request_id, person_id, since)
     SELECT $2, person_id, since FROM request_followers WHERE request_id = $1
     ON CONFLICT DO NOTHING`,
    [fromId, toId],
  )
}

/** What events say about a request: the row as it stands, with its author when identified. */
export interface RequestFacts {
  id: string
  title: string
  body: string
  status: string
  votes: number
  mrrCents: number
  createdAt: string
  mergedInto: string | null
  author: PersonSummary | null
}

/** A person as webhooks show them (the endpoint is the owner's own server). */
export interface PersonSummary {
  sub: string
  email: string | null
  mrrCents: number
  /** The company of their latest token (its `company.id` as the customer sent it), or null. */
  company: { id: string; name: string | null } | null
}

/** A person's row with their company's, as personCompany reads it. */
interface CompanyColumns {
  company_external_id: string | null
  company_name: string | null
}

/** Joins the person `p` to their company: pair with personCompany. */
const COMPANY_OF_PERSON = 'LEFT JOIN companies co ON co.id = p.company_id'
const COMPANY_COLUMNS = 'co.external_id AS company_external_id, co.name AS company_name'

function personCompany(row: CompanyColumns): PersonSummary['company'] {
  return row.company_external_id ? { id: row.company_external_id, name: row.company_name } : null
}

/** The request's own columns as every request read has them, and its author's. */
type RequestFactsRow = Pick<
  RequestRow,
  'id' | 'project_id' | 'title' | 'body' | 'status' | 'votes' | 'mrr_cents' | 'created_at'
> &
  CompanyColumns & {
    merged_into: string | null
    sub: string | null
    email: string | null
    person_mrr: number | null
  }

const REQUEST_FACTS = `SELECT r.id, r.project_id, r.title, r.body, r.status, r.votes, r.mrr_cents,
            r.created_at, r.merged_into, p.sub, p.email, p.mrr_cents AS person_mrr, ${COMPANY_COLUMNS}
       FROM requests r LEFT JOIN people p ON p.id = r.author_person_id ${COMPANY_OF_PERSON}`

function toRequestFacts(row: RequestFactsRow): RequestFacts {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status,
    votes: row.votes,
    mrrCents: row.mrr_cents,
    createdAt: new Date(row.created_at).toISOString(),
    mergedInto: row.merged_into,
    author: row.sub
      ? {
          sub: row.sub,
          email: row.email,
          mrrCents: row.person_mrr ?? 0,
          company: personCompany(row),
        }
      : null,
  }
}

export async function requestFacts(
  sql: SqlExecutor,
  projectId: string,
  requestId: string,
): Promise<RequestFacts | null> {
  const [row] = await sql.query<RequestFactsRow>(
    `${REQUEST_FACTS} WHERE r.project_id = $1 AND r.id = $2`,
    [projectId, requestId],
  )
  return row ? toRequestFacts(row) : null
}

/** requestFacts for many requests in one statement, keyed by factsKey(projectId, requestId). */
export async function requestFactsMany(
  sql: SqlExecutor,
  requests: { projectId: string; requestId: string }[],
): Promise<Map<string, RequestFacts>> {
  const rows = await sql.query<RequestFactsRow>(
    `${REQUEST_FACTS} JOIN unnest($1::text[], $2::text[]) AS wanted(project_id, id)
        ON wanted.project_id = r.project_id AND wanted.id = r.id`,
    [requests.map((r) => r.projectId), requests.map((r) => r.requestId)],
  )
  return new Map(rows.map((row) => [factsKey(row.project_id, row.id), toRequestFacts(row)]))
}

/** The key requestFactsMany and peopleBySub answer under: ids are unique per project only. */
export function factsKey(projectId: string, id: string): string {
  return `${projectId}\u0000${id}`
}

export async function personBySub(
  sql: SqlExecutor,
  projectId: string,
  sub: string,
): Promise<(PersonSummary & { id: number }) | null> {
  const [row] = await sql.query<PersonRow>(
    `SELECT p.id, p.sub, p.email, p.mrr_cents, ${COMPANY_COLUMNS}
       FROM people p ${COMPANY_OF_PERSON}
      WHERE p.project_id = $1 AND p.sub = $2`,
    [projectId, sub],
  )
  return row ? toPersonSummary(row) : null
}

type PersonRow = CompanyColumns & {
  id: number
  sub: string
  email: string | null
  mrr_cents: number
}

function toPersonSummary(row: PersonRow): PersonSummary & { id: number } {
  const { id, sub, email } = row
  return { id, sub, email, mrrCents: row.mrr_cents, company: personCompany(row) }
}

/** personBySub for many people in one statement, keyed by factsKey(projectId, sub). */
export async function peopleBySub(
  sql: SqlExecutor,
  people: { projectId: string; sub: string }[],
): Promise<Map<string, PersonSummary & { id: number }>> {
  if (people.length === 0) return new Map()
  const rows = await sql.query<PersonRow & { project_id: string }>(
    `SELECT p.id, p.project_id, p.sub, p.email, p.mrr_cents, ${COMPANY_COLUMNS}
       FROM people p JOIN unnest($1::text[], $2::text[]) AS wanted(project_id, sub)
         ON wanted.project_id = p.project_id AND wanted.sub = p.sub
       ${COMPANY_OF_PERSON}`,
    [people.map((p) => p.projectId), people.map((p) => p.sub)],
  )
  return new Map(rows.map((row) => [factsKey(row.project_id, row.sub), toPersonSummary(row)]))
}
