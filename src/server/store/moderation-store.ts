import { PENDING_STATUS } from '../../shared/api'
import { lockRequests, recountRequest } from './account-revenue'
import type { Db, SqlExecutor } from './db'
import { REQUEST_COLUMNS, type RequestRow, toRequestRecord } from './rows'
import type { RequestRecord } from './types'

/** How long a deleted request can be restored; the purge job removes it for good after that. */
export const RESTORE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000

/** The status an approved request starts with: the one every new request has without moderation. */
export const FIRST_STATUS = 'open'

/** How many of a caller's own pending requests their board shows above the others. */
export const OWN_PENDING_SHOWN = 20

/**
 * v3 moderation (spec/api.md "Spam and deletion"): deleting, restoring and approving requests.
 *
 * A deleted request keeps its row; its votes move to deleted_request_votes and its account rows
 * go, so every count, revenue sum and audience that reads `votes` or `request_accounts` (the
 * backlog, companies, people, changelog and status emails, webhooks) leaves it out without
 * knowing about deletion; a restore moves them back and recounts the request.
 */
export class ModerationStore {
  constructor(private readonly db: Db) {}

  /**
   * Deletes a standing request (not merged into another, not deleted already): answers false
   * when there is none. The requests merged into it go with it (their links answer it).
   */
  async delete(projectId: string, requestId: string, now: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const locked = await lockStanding(tx, projectId, requestId, 'deleted_at IS NULL')
      if (!locked) return false
      await tx.query(
        `WITH shelved AS (
           DELETE FROM votes WHERE request_id = $1
           RETURNING request_id, voter, project_id, person_id, created_at, voter_mrr_cents
         )
         INSERT INTO deleted_request_votes
           (request_id, voter, project_id, person_id, created_at, voter_mrr_cents)
         SELECT * FROM shelved`,
        [requestId],
      )
      await tx.query('UPDATE requests SET deleted_at = $2, updated_at = $2 WHERE id = $1', [
        requestId,
        new Date(now),
      ])
      await recountRequest(tx, requestId)
      return true
    })
  }

  /**
   * Brings a deleted request back with its votes, each counting for the voter's account as it
   * is now (a person may have changed company since). Answers false when the project has no
   * such deleted request, or when it was deleted more than RESTORE_WINDOW_MS ago.
   */
  async restore(projectId: string, requestId: string, now: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const locked = await lockStanding(
        tx,
        projectId,
        requestId,
        'deleted_at IS NOT NULL AND deleted_at > $3',
        [new Date(now - RESTORE_WINDOW_MS)],
      )
      if (!locked) return false
      await tx.query(
        `WITH restored AS (
           DELETE FROM deleted_request_votes WHERE request_id = $1
           RETURNING request_id, voter, project_id, person_id, created_at, voter_mrr_cents
         )
         INSERT INTO votes (request_id, voter, project_id, person_id, created_at,
                            voter_mrr_cents, account)
         SELECT r.request_id, r.voter, r.project_id, r.person_id, r.created_at, r.voter_mrr_cents,
                CASE WHEN p.id IS NULL THEN NULL
                     WHEN p.company_id IS NULL THEN 'p:' || p.id ELSE 'c:' || p.company_id END
           FROM restored r LEFT JOIN people p ON p.id = r.person_id
         ON CONFLICT (request_id, voter) DO NOTHING`,
        [requestId],
      )
      await tx.query('UPDATE requests SET deleted_at = NULL, updated_at = $2 WHERE id = $1', [
        requestId,
        new Date(now),
      ])
      await recountRequest(tx, requestId)
      return true
    })
  }

  /**
   * A pending request gets its first status: answers it, or null when the project has no
   * pending (and not deleted) request of that id.
   */
  async approve(projectId: string, requestId: string, now: number): Promise<RequestRecord | null> {
    const [row] = await this.db.query<RequestRow>(
      `UPDATE requests r SET status = $3, updated_at = $4
        WHERE r.project_id = $1 AND r.id = $2 AND r.status = $5 AND r.deleted_at IS NULL
          AND r.merged_into IS NULL
        RETURNING ${REQUEST_COLUMNS}`,
      [projectId, requestId, FIRST_STATUS, new Date(now), PENDING_STATUS],
    )
    return row ? toRequestRecord(row) : null
  }

  /** The caller's own requests waiting for approval, newest first: their board shows them. */
  async ownPending(projectId: string, voter: string): Promise<RequestRecord[]> {
    const rows = await this.db.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS}, true AS voted FROM requests r
        WHERE r.project_id = $1 AND r.author_voter = $2 AND r.status = $3
          AND r.deleted_at IS NULL AND r.merged_into IS NULL
        ORDER BY r.created_at DESC, r.id LIMIT $4`,
      [projectId, voter, PENDING_STATUS, OWN_PENDING_SHOWN],
    )
    return rows.map((row) => toRequestRecord(row))
  }

  /**
   * Removes for good the requests deleted at or before `deletedBefore` (with the requests
   * merged into them): answers how many requests went. Everything hanging off a request
   * (votes, comments, followers, updates, merges) goes with it (ON DELETE CASCADE).
   */
  async purge(projectId: string, deletedBefore: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await tx.query<{ id: string }>(
        `SELECT id FROM requests
          WHERE project_id = $1 AND deleted_at IS NOT NULL AND deleted_at <= $2
          ORDER BY id FOR UPDATE`,
        [projectId, new Date(deletedBefore)],
      )
      const ids = due.map((row) => row.id)
      if (ids.length === 0) return 0
      const merged = await tx.query<{ id: string }>(
        'DELETE FROM requests WHERE merged_into = ANY($1::text[]) RETURNING id',
        [ids],
      )
      await tx.query('DELETE FROM requests WHERE id = ANY($1::text[])', [ids])
      return ids.length + merged.length
    })
  }

  /** Whether the request, or the one it was merged into, is deleted (an unmerge must wait). */
  async deletedWithTarget(projectId: string, requestId: string): Promise<boolean> {
    const [row] = await this.db.query<{ deleted: boolean }>(
      `SELECT (s.deleted_at IS NOT NULL OR t.deleted_at IS NOT NULL) AS deleted
         FROM requests s LEFT JOIN requests t ON t.id = s.merged_into
        WHERE s.project_id = $1 AND s.id = $2`,
      [projectId, requestId],
    )
    return row?.deleted === true
  }
}

/**
 * Locks the request when it stands on its own and `condition` holds (over its own columns,
 * with $3… as `extra`), taking its counters' rows in the order every counter change takes them.
 */
async function lockStanding(
  tx: SqlExecutor,
  projectId: string,
  requestId: string,
  condition: string,
  extra: unknown[] = [],
): Promise<boolean> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT id FROM requests
      WHERE project_id = $1 AND id = $2 AND merged_into IS NULL AND ${condition}
      FOR UPDATE`,
    [projectId, requestId, ...extra],
  )
  if (!row) return false
  await lockRequests(tx, [requestId])
  return true
}
