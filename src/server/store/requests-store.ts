import { randomBytes } from 'node:crypto'
import type { BacklogSort, MergedRequest, PublicSort } from '../../shared/api'
import { recountRequest } from './account-revenue'
import { moveComments } from './comments-store'
import type { Db, SqlExecutor } from './db'
import { listMergedInto } from './merged-requests'
import { ensurePerson } from './people-store'
import { recordMerge, type UnmergeResult, undoMerge } from './request-merges'
import { searchRequests } from './request-search'
import { REQUEST_COLUMNS, type RequestRow, toRequestRecord } from './rows'
import { PUBLICLY_SHOWN } from './shown-requests'
import { tagCondition } from './tag-filter'
import type { Actor, RequestRecord } from './types'
import { castVote } from './votes-store'

/** A second submit of the same title by the same person within this window returns the first. */
export const DUPLICATE_WINDOW_MS = 10_000
export const PUBLIC_LIST_LIMIT = 100

/** The backlog's title filter uses it with ILIKE. */
export { containsPattern } from './request-search'

const PUBLIC_ORDER: Record<PublicSort, string> = {
  top: 'r.votes DESC, r.created_at DESC, r.id',
  new: 'r.created_at DESC, r.id',
}
export const BACKLOG_ORDER: Record<BacklogSort, string> = {
  revenue: 'r.mrr_cents DESC, r.votes DESC, r.created_at DESC, r.id',
  votes: 'r.votes DESC, r.created_at DESC, r.id',
  new: 'r.created_at DESC, r.id',
  // v3: at_risk_mrr_cents is kept like mrr_cents (store/account-revenue.ts).
  at_risk: 'r.at_risk_mrr_cents DESC, r.mrr_cents DESC, r.votes DESC, r.created_at DESC, r.id',
}

export function newRequestId(): string {
  return `r_${randomBytes(9).toString('base64url')}`
}

export interface PublicListInput {
  projectId: string
  sort: PublicSort
  q: string | null
  voter: string | null
  limit?: number
  /** Only the requests carrying this tag (`?tag=`); null or absent: all. */
  tag?: string | null
}

/**
 * The public list's statement without a search, apart so that tests can EXPLAIN exactly what
 * runs. A search (`q`) goes through searchRequests (request-search.ts), whose cost is bounded.
 */
export function publicListQuery(input: PublicListInput): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT ${REQUEST_COLUMNS},
                 EXISTS (SELECT 1 FROM votes v WHERE v.request_id = r.id AND v.voter = $2) AS voted
            FROM requests r
           WHERE r.project_id = $1 AND r.merged_into IS NULL AND ${PUBLICLY_SHOWN}
                 ${input.tag ? `AND ${tagCondition('$4')}` : ''}
           ORDER BY ${PUBLIC_ORDER[input.sort]}
           LIMIT $3`,
    params: [
      input.projectId,
      input.voter,
      input.limit ?? PUBLIC_LIST_LIMIT,
      ...(input.tag ? [input.tag] : []),
    ],
  }
}

export interface NewRequest {
  projectId: string
  actor: Actor
  title: string
  body: string
  idempotencyKey: string | null
  now: number
  /** v3 moderation: 'pending' while it waits for the team's approval; else the first status. */
  status?: string
}

export class RequestsStore {
  constructor(private readonly db: Db) {}

  async listPublic(input: PublicListInput): Promise<RequestRecord[]> {
    const limit = input.limit ?? PUBLIC_LIST_LIMIT
    if (input.q) {
      const rows = await searchRequests(this.db, { ...input, q: input.q, limit })
      return rows.map((row) => toRequestRecord(row))
    }
    const { sql, params } = publicListQuery(input)
    const rows = await this.db.query<RequestRow>(sql, params)
    return rows.map((row) => toRequestRecord(row))
  }

  async find(projectId: string, id: string, voter: string | null): Promise<RequestRecord | null> {
    const [row] = await this.db.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS}, EXISTS (SELECT 1 FROM votes v WHERE v.request_id = r.id AND v.voter = $3) AS voted
         FROM requests r WHERE r.project_id = $1 AND r.id = $2`,
      [projectId, id, voter],
    )
    return row ? toRequestRecord(row) : null
  }

  /** The request, or the one it was merged into: what a link to a merged request shows. */
  async findStanding(
    projectId: string,
    id: string,
    voter: string | null,
  ): Promise<RequestRecord | null> {
    const [row] = await this.db.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS}, EXISTS (SELECT 1 FROM votes v WHERE v.request_id = r.id AND v.voter = $3) AS voted
         FROM requests r
        WHERE r.project_id = $1
          AND r.id = (SELECT coalesce(merged_into, id) FROM requests WHERE project_id = $1 AND id = $2)`,
      [projectId, id, voter],
    )
    return row ? toRequestRecord(row) : null
  }

  /**
   * Creates a request once and casts its author's vote with it (spec v2: a new request has
   * `votes: 1, voted: true`, with the author's revenue when identified). The same author's
   * same Idempotency-Key answers the existing request (the unique index decides races; keys
   * are scoped to their author); without a key, the same title by the same author within
   * DUPLICATE_WINDOW_MS answers the first one (an advisory lock per author decides races).
   * `created` is false when an existing request was answered.
   */
  async create(input: NewRequest): Promise<{ request: RequestRecord; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const person = input.actor.person
        ? await ensurePerson(tx, input.projectId, input.actor.person, input.now)
        : null
      if (input.idempotencyKey === null) {
        const duplicate = await findRecentDuplicate(tx, input)
        if (duplicate) return { request: toRequestRecord(duplicate), created: false }
      }
      const [inserted] = await tx.query<RequestRow>(
        `INSERT INTO requests AS r (id, project_id, title, body, author_voter, author_person_id,
                               idempotency_key, created_at, updated_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, coalesce($9, 'open'))
         ON CONFLICT (project_id, author_voter, idempotency_key)
           WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING ${REQUEST_COLUMNS}`,
        [
          newRequestId(),
          input.projectId,
          input.title,
          input.body,
          input.actor.voter,
          person?.id ?? null,
          input.idempotencyKey,
          new Date(input.now),
          input.status ?? null,
        ],
      )
      if (inserted) {
        const withVote = await castVote(
          tx,
          input.projectId,
          inserted.id,
          input.actor.voter,
          person,
          input.now,
        )
        return { request: withVote?.request ?? toRequestRecord(inserted), created: true }
      }
      const [existing] = await tx.query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS}, EXISTS (SELECT 1 FROM votes v WHERE v.request_id = r.id AND v.voter = $3) AS voted
           FROM requests r
          WHERE r.project_id = $1 AND r.idempotency_key = $2 AND r.author_voter = $3`,
        [input.projectId, input.idempotencyKey, input.actor.voter],
      )
      if (!existing) throw new Error('idempotency key conflict without a row')
      return { request: toRequestRecord(existing), created: false }
    })
  }

  /**
   * Admin edits of status, title and status note (null clears the note). Answers the status and
   * title from before the edit (read under the row's lock: what request.updated says changed),
   * or null when the project has no such request.
   */
  async update(
    projectId: string,
    id: string,
    changes: { status?: string; title?: string; statusNote?: string | null },
    now: number,
  ): Promise<{ status: string; title: string } | null> {
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query<{ status: string; title: string }>(
        // A deleted request is edited by nobody: restore it first (v3 moderation).
        `SELECT status, title FROM requests
          WHERE project_id = $1 AND id = $2 AND deleted_at IS NULL FOR UPDATE`,
        [projectId, id],
      )
      if (!before) return null
      await tx.query(
        `UPDATE requests SET status = coalesce($3, status), title = coalesce($4, title), updated_at = $5,
                status_note = CASE WHEN $6 THEN $7 ELSE status_note END,
                status_changed_at = CASE WHEN $3 <> status THEN $5 ELSE status_changed_at END
          WHERE project_id = $1 AND id = $2`,
        [
          projectId,
          id,
          changes.status ?? null,
          changes.title ?? null,
          new Date(now),
          changes.statusNote !== undefined,
          changes.statusNote ?? null,
        ],
      )
      return before
    })
  }

  /**
   * Folds `sourceId` into `targetId`: its voters become the target's (a person who voted for
   * both counts once), and the source disappears from lists. Returns false if either is missing.
   */
  async merge(
    projectId: string,
    sourceId: string,
    targetId: string,
    now: number,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const locked = await tx.query<{ id: string }>(
        `SELECT id FROM requests WHERE project_id = $1 AND id IN ($2, $3) AND merged_into IS NULL
            AND deleted_at IS NULL AND (id = $2 OR status <> 'pending')
          ORDER BY id FOR UPDATE`,
        [projectId, sourceId, targetId],
      )
      if (locked.length !== 2) return false
      await recordMerge(tx, projectId, sourceId, targetId, now)
      await tx.query(
        `DELETE FROM votes s USING votes t
          WHERE s.request_id = $1 AND t.request_id = $2 AND s.voter = t.voter`,
        [sourceId, targetId],
      )
      await tx.query('UPDATE votes SET request_id = $2 WHERE request_id = $1', [sourceId, targetId])
      await tx.query('DELETE FROM request_accounts WHERE request_id = $1', [sourceId])
      // An account among both requests' voters counts once for the target.
      await recountRequest(tx, targetId)
      await tx.query('UPDATE requests SET updated_at = $2 WHERE id = $1', [targetId, new Date(now)])
      await tx.query(
        `UPDATE requests SET merged_into = $2, votes = 0, accounts = 0, mrr_cents = 0,
                             at_risk_mrr_cents = 0, updated_at = $3
          WHERE id = $1 OR merged_into = $1`,
        [sourceId, targetId, new Date(now)],
      )
      await moveComments(tx, sourceId, targetId)
      return true
    })
  }

  /** Undoes the latest merge of `sourceId` (see request-merges.ts). */
  async unmerge(projectId: string, sourceId: string, now: number): Promise<UnmergeResult> {
    return this.db.transaction((tx) => undoMerge(tx, projectId, sourceId, now))
  }

  /** The requests merged into `targetId` that can still be unmerged (merged-requests.ts). */
  mergedInto(projectId: string, targetId: string): Promise<MergedRequest[]> {
    return listMergedInto(this.db, projectId, targetId)
  }
}

async function findRecentDuplicate(tx: SqlExecutor, input: NewRequest): Promise<RequestRow | null> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
    `${input.projectId}/${input.actor.voter}`,
  ])
  const [row] = await tx.query<RequestRow>(
    `SELECT ${REQUEST_COLUMNS}, EXISTS (SELECT 1 FROM votes v WHERE v.request_id = r.id AND v.voter = $2) AS voted
       FROM requests r
      WHERE r.project_id = $1 AND r.author_voter = $2 AND lower(r.title) = lower($3)
        AND r.created_at > $4
      ORDER BY r.created_at DESC LIMIT 1`,
    [input.projectId, input.actor.voter, input.title, new Date(input.now - DUPLICATE_WINDOW_MS)],
  )
  return row ?? null
}
