import { refreshCommentCounters } from './comments-store'
import type { SqlExecutor } from './db'

/**
 * spec/api.md v3 "Editing your own words": what changes in the database when an author edits or
 * deletes their comment, edits their request, or the team deletes a comment. Routes decide who
 * may (routes/comment-edits.ts, routes/request-edits.ts); these only write.
 */

/** The comment's new words, stamped `edited_at`; false when the project has no such comment. */
export async function editCommentBody(
  tx: SqlExecutor,
  projectId: string,
  commentId: string,
  body: string,
  now: number,
): Promise<boolean> {
  const updated = await tx.query(
    'UPDATE comments SET body = $3, edited_at = $4 WHERE project_id = $1 AND id = $2 RETURNING id',
    [projectId, commentId, body, new Date(now)],
  )
  return updated.length > 0
}

/**
 * Removes a comment for good (no tombstone: the words were withdrawn) and recounts its thread
 * (comment_count, unanswered) in the same transaction. An event about it not yet told (its
 * comment.created) goes too, so the withdrawn words reach no follower or webhook afterwards, as
 * with erasure (person-erasure.ts). Answers the thread's request id, or null when the project
 * has no such comment.
 */
export async function deleteComment(
  tx: SqlExecutor,
  projectId: string,
  commentId: string,
): Promise<{ requestId: string } | null> {
  const [removed] = await tx.query<{ request_id: string }>(
    'DELETE FROM comments WHERE project_id = $1 AND id = $2 RETURNING request_id',
    [projectId, commentId],
  )
  if (!removed) return null
  await refreshCommentCounters(tx, removed.request_id)
  await tx.query(
    `DELETE FROM jobs WHERE project_id = $1 AND kind = 'event' AND status <> 'running'
        AND payload ->> 'type' = 'comment.created' AND payload ->> 'commentId' = $2`,
    [projectId, commentId],
  )
  return { requestId: removed.request_id }
}

/**
 * Locks the request's row for the rest of the transaction (a vote or comment arriving meanwhile
 * waits, then sees the edit) and answers who wrote it, its title before the edit, and whether
 * anyone else has joined in: a vote by another voter, or a comment by anyone but the author and
 * the team (team replies and internal notes do not count; a comment filed on a customer's
 * behalf does). null when the project has no such standing request.
 */
export async function lockRequestForAuthorEdit(
  tx: SqlExecutor,
  projectId: string,
  requestId: string,
): Promise<{ authorVoter: string; status: string; title: string; othersJoined: boolean } | null> {
  const [row] = await tx.query<{ author_voter: string; status: string; title: string }>(
    `SELECT author_voter, status, title FROM requests
      WHERE project_id = $1 AND id = $2 AND merged_into IS NULL FOR UPDATE`,
    [projectId, requestId],
  )
  if (!row) return null
  const [joined] = await tx.query<{ others: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM votes WHERE request_id = $1 AND voter <> $2)
         OR EXISTS (SELECT 1 FROM comments WHERE request_id = $1 AND kind <> 'team'
                       AND author_voter IS DISTINCT FROM $2) AS others`,
    [requestId, row.author_voter],
  )
  return {
    authorVoter: row.author_voter,
    status: row.status,
    title: row.title,
    othersJoined: joined?.others === true,
  }
}

/**
 * The author's new title and/or body (search_text, a generated column, follows by itself),
 * stamped `edited_at`.
 */
export async function editRequestText(
  tx: SqlExecutor,
  projectId: string,
  requestId: string,
  changes: { title?: string; body?: string },
  now: number,
): Promise<void> {
  await tx.query(
    `UPDATE requests SET title = coalesce($3, title), body = coalesce($4, body),
            edited_at = $5, updated_at = $5
      WHERE project_id = $1 AND id = $2`,
    [projectId, requestId, changes.title ?? null, changes.body ?? null, new Date(now)],
  )
}
