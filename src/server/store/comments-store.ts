import { randomBytes } from 'node:crypto'
import type { CommentKind } from '../../shared/api'
import { type AttachmentRef, attachmentsColumn, toAttachmentRefs } from './attachment-rows'
import type { Db, SqlExecutor } from './db'
import { ensurePerson } from './people-store'
import { toIso } from './rows'
import type { Actor } from './types'

/** A comment with everything the store knows; routes decide what each audience sees. */
export interface CommentRecord {
  id: string
  projectId: string
  requestId: string
  body: string
  kind: CommentKind
  /** 's:<sub>' / 'a:<anonymous id>'; null for the team. */
  authorVoter: string | null
  /** The team member's name for a reply, else the token's `name` claim, else null. */
  authorName: string | null
  /** The identified commenter's facts (dashboard only). */
  person: {
    sub: string
    email: string | null
    plan: string | null
    mrrCents: number
    company: { id: string; name: string | null } | null
  } | null
  internal: boolean
  hidden: boolean
  createdAt: string
  /** When its author last changed it (migration 026); null until then. */
  editedAt: string | null
  /** Its images, in order (spec/api.md v3 "Images"). */
  attachments: AttachmentRef[]
}

export interface NewComment {
  projectId: string
  requestId: string
  body: string
  now: number
  /** A customer or visitor: the voter key decides `you` and scopes the Idempotency-Key. */
  actor?: Actor
  idempotencyKey?: string | null
  /** A team reply or note: the name it is signed with and the audit actor. */
  team?: { name: string; actor: string; internal: boolean }
}

interface CommentRow {
  id: string
  project_id: string
  request_id: string
  body: string
  kind: CommentKind
  author_voter: string | null
  team_name: string | null
  internal: boolean
  hidden: boolean
  created_at: Date | string
  edited_at: Date | string | null
  person_sub: string | null
  person_email: string | null
  person_plan: string | null
  person_mrr_cents: number | string | null
  person_name: string | null
  person_company_id: string | null
  person_company_name: string | null
  attachments?: unknown
}

const SELECT_COMMENTS = `
  SELECT c.*, p.sub AS person_sub, p.email AS person_email, p.plan AS person_plan,
         p.mrr_cents AS person_mrr_cents, p.name AS person_name,
         co.external_id AS person_company_id, co.name AS person_company_name,
         ${attachmentsColumn('comment_id', 'c.id')}
    FROM comments c
    LEFT JOIN people p ON p.id = c.author_person_id
    LEFT JOIN companies co ON co.id = p.company_id`

function toCommentRecord(row: CommentRow): CommentRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    requestId: row.request_id,
    body: row.body,
    kind: row.kind,
    authorVoter: row.author_voter,
    authorName: row.kind === 'team' ? row.team_name : row.person_name,
    person: row.person_sub
      ? {
          sub: row.person_sub,
          email: row.person_email,
          plan: row.person_plan,
          mrrCents: Number(row.person_mrr_cents ?? 0),
          company: row.person_company_id
            ? { id: row.person_company_id, name: row.person_company_name }
            : null,
        }
      : null,
    internal: row.internal,
    hidden: row.hidden,
    createdAt: toIso(row.created_at),
    editedAt: row.edited_at ? toIso(row.edited_at) : null,
    attachments: toAttachmentRefs(row.attachments),
  }
}

export function newCommentId(): string {
  return `c_${randomBytes(9).toString('base64url')}`
}

/**
 * A request's (`r`'s) comment_count and unanswered as its comments make them: only what the
 * public sees counts, and the thread is unanswered while its newest such comment is not the team's.
 */
const COMMENT_COUNTERS_OF_R = `comment_count = (SELECT count(*) FROM comments c
                          WHERE c.request_id = r.id AND NOT c.internal AND NOT c.hidden),
        unanswered = coalesce((SELECT c.kind <> 'team' FROM comments c
                                WHERE c.request_id = r.id AND NOT c.internal AND NOT c.hidden
                                ORDER BY c.created_at DESC, c.seq DESC LIMIT 1), false)`

/**
 * Brings a request's comment_count and unanswered up to date from its comments: called in every
 * transaction that adds, hides, unhides or moves comments.
 */
export async function refreshCommentCounters(tx: SqlExecutor, requestId: string): Promise<void> {
  await tx.query(`UPDATE requests r SET ${COMMENT_COUNTERS_OF_R} WHERE r.id = $1`, [requestId])
}

/** refreshCommentCounters for many requests in one statement (an id may come more than once). */
export async function refreshCommentCountersOfEach(
  tx: SqlExecutor,
  requestIds: string[],
): Promise<void> {
  await tx.query(
    `UPDATE requests r SET ${COMMENT_COUNTERS_OF_R}
       FROM (SELECT DISTINCT id FROM unnest($1::text[]) AS id) t
      WHERE r.id = t.id`,
    [requestIds],
  )
}

/** Merging moves the source's thread to the target, inside the merge's transaction. */
export async function moveComments(
  tx: SqlExecutor,
  sourceId: string,
  targetId: string,
): Promise<void> {
  await tx.query('UPDATE comments SET request_id = $2 WHERE request_id = $1', [sourceId, targetId])
  await refreshCommentCounters(tx, sourceId)
  await refreshCommentCounters(tx, targetId)
}

/** identify: the anonymous id's comments become the person's, like its votes and requests. */
export async function linkAnonymousComments(
  tx: SqlExecutor,
  projectId: string,
  fromVoter: string,
  toVoter: string,
  personId: number,
): Promise<void> {
  await tx.query(
    `UPDATE comments SET author_voter = $3, author_person_id = $4, kind = 'customer'
      WHERE project_id = $1 AND author_voter = $2`,
    [projectId, fromVoter, toVoter, personId],
  )
}

export class CommentsStore {
  constructor(private readonly db: Db) {}

  /**
   * A request's thread, oldest first. `everything` adds internal notes and hidden comments
   * (the dashboard); the public thread never has them.
   */
  async listForRequest(requestId: string, everything = false): Promise<CommentRecord[]> {
    const rows = await this.db.query<CommentRow>(
      `${SELECT_COMMENTS}
        WHERE c.request_id = $1 AND ($2 OR (NOT c.internal AND NOT c.hidden))
        ORDER BY c.created_at, c.seq`,
      [requestId, everything],
    )
    return rows.map(toCommentRecord)
  }

  /**
   * One page of a request's public thread: the newest `limit` comments older than the comment
   * `beforeId` (or the newest of all), oldest first, and whether older ones remain. null when
   * `beforeId` names no comment of this project. Walks the (request_id, created_at, seq) index
   * backwards, so a page costs the same at 2,000 comments as at 20.
   */
  async publicPage(
    projectId: string,
    requestId: string,
    beforeId: string | null,
    limit: number,
  ): Promise<{ comments: CommentRecord[]; hasOlder: boolean } | null> {
    if (beforeId !== null) {
      const known = await this.db.query(
        'SELECT 1 FROM comments WHERE project_id = $1 AND id = $2',
        [projectId, beforeId],
      )
      if (known.length === 0) return null
    }
    // The page's ids are chosen from the narrow index columns first: ordering whole rows made
    // PGlite (no statistics) join and sort every comment, 5 KB bodies included, to keep 51.
    // The cursor's position is read in SQL, at the database's own precision.
    const rows = await this.db.query<CommentRow>(
      `${SELECT_COMMENTS}
        WHERE c.id IN (
          SELECT p.id FROM comments p
           WHERE p.request_id = $1 AND NOT p.internal AND NOT p.hidden
             AND ($2::text IS NULL OR (p.created_at, p.seq) <
                  (SELECT b.created_at, b.seq FROM comments b WHERE b.id = $2::text))
           ORDER BY p.created_at DESC, p.seq DESC
           LIMIT $3)
        ORDER BY c.created_at DESC, c.seq DESC`,
      [requestId, beforeId, limit + 1],
    )
    const hasOlder = rows.length > limit
    return { comments: rows.slice(0, limit).reverse().map(toCommentRecord), hasOlder }
  }

  /** Everything these voters wrote in the project (a person's page), newest first. */
  async listByAuthors(
    projectId: string,
    voters: string[],
    limit: number,
  ): Promise<CommentRecord[]> {
    const rows = await this.db.query<CommentRow>(
      `${SELECT_COMMENTS} WHERE c.project_id = $1 AND c.author_voter = ANY($2::text[])
        ORDER BY c.created_at DESC, c.seq DESC LIMIT $3`,
      [projectId, voters, limit],
    )
    return rows.map(toCommentRecord)
  }

  async find(projectId: string, id: string): Promise<CommentRecord | null> {
    const [row] = await this.db.query<CommentRow>(
      `${SELECT_COMMENTS} WHERE c.project_id = $1 AND c.id = $2`,
      [projectId, id],
    )
    return row ? toCommentRecord(row) : null
  }

  /**
   * Adds a comment to a request, or to the request it was merged into; null when there is no
   * such request. The same Idempotency-Key from the same author answers the first comment
   * (`created: false`). This is the one place a comment comes to be.
   */
  async create(input: NewComment): Promise<{ comment: CommentRecord; created: boolean } | null> {
    return this.db.transaction(async (tx) => {
      // v3 moderation: nobody comments on a deleted request (nor on one merged into it).
      const [target] = await tx.query<{ id: string }>(
        `SELECT t.id FROM requests s JOIN requests t ON t.id = coalesce(s.merged_into, s.id)
          WHERE s.project_id = $1 AND s.id = $2 AND t.deleted_at IS NULL`,
        [input.projectId, input.requestId],
      )
      if (!target) return null
      const actor = input.actor
      const personId = actor?.person
        ? (await ensurePerson(tx, input.projectId, actor.person, input.now)).id
        : null
      const kind: CommentKind = input.team ? 'team' : personId !== null ? 'customer' : 'visitor'
      const [inserted] = await tx.query<{ id: string }>(
        `INSERT INTO comments (id, project_id, request_id, body, kind, author_voter,
                               author_person_id, team_name, team_actor, internal,
                               idempotency_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (project_id, author_voter, idempotency_key)
           WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id`,
        [
          newCommentId(),
          input.projectId,
          target.id,
          input.body,
          kind,
          input.team ? null : (actor?.voter ?? null),
          personId,
          input.team?.name ?? null,
          input.team?.actor ?? null,
          input.team?.internal ?? false,
          input.team ? null : (input.idempotencyKey ?? null),
          new Date(input.now),
        ],
      )
      if (!inserted) {
        const [existing] = await tx.query<CommentRow>(
          `${SELECT_COMMENTS}
            WHERE c.project_id = $1 AND c.author_voter = $2 AND c.idempotency_key = $3`,
          [input.projectId, actor?.voter ?? null, input.idempotencyKey],
        )
        if (!existing) throw new Error('comment idempotency key conflict without a row')
        return { comment: toCommentRecord(existing), created: false }
      }
      await refreshCommentCounters(tx, target.id)
      const [row] = await tx.query<CommentRow>(`${SELECT_COMMENTS} WHERE c.id = $1`, [inserted.id])
      if (!row) throw new Error('comment vanished in its own transaction')
      return { comment: toCommentRecord(row), created: true }
    })
  }

  /** Moderation: hides or shows a comment again; null when there is no such comment. */
  async setHidden(projectId: string, id: string, hidden: boolean): Promise<CommentRecord | null> {
    return this.db.transaction(async (tx) => {
      const [updated] = await tx.query<{ request_id: string }>(
        'UPDATE comments SET hidden = $3 WHERE project_id = $1 AND id = $2 RETURNING request_id',
        [projectId, id, hidden],
      )
      if (!updated) return null
      await refreshCommentCounters(tx, updated.request_id)
      const [row] = await tx.query<CommentRow>(`${SELECT_COMMENTS} WHERE c.id = $1`, [id])
      return row ? toCommentRecord(row) : null
    })
  }
}
