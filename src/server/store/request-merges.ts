import { recountRequest } from './account-revenue'
import { refreshCommentCounters } from './comments-store'
import type { SqlExecutor } from './db'

/**
 * A merge and its undo. At merge time, before anything moves, request_merges keeps
 * what unmerge needs to put back: the source's vote rows, which of them move to the target
 * (the others belong to voters of both, whose source row the merge drops), the comments that
 * move and the requests merged into the source earlier, which now point at the target.
 * Neither side's counters are stored: unmerge rebuilds both from their votes with
 * recountRequest, the same sums the maintained counters hold, so votes, accounts and revenue
 * come back exactly as they were (at today's MRR if an account's revenue changed meanwhile).
 */
export async function recordMerge(
  tx: SqlExecutor,
  projectId: string,
  sourceId: string,
  targetId: string,
  now: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO request_merges (project_id, source_id, target_id, source_votes, moved_voters,
                                 moved_comments, repointed, merged_at)
     VALUES ($1, $2, $3,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('voter', voter, 'personId', person_id,
                                                     'createdAt', created_at)), '[]'::jsonb)
          FROM votes WHERE request_id = $2),
       ARRAY(SELECT s.voter FROM votes s WHERE s.request_id = $2 AND NOT EXISTS (
               SELECT 1 FROM votes t WHERE t.request_id = $3 AND t.voter = s.voter)),
       ARRAY(SELECT id FROM comments WHERE request_id = $2),
       ARRAY(SELECT id FROM requests WHERE merged_into = $2),
       $4)`,
    [projectId, sourceId, targetId, new Date(now)],
  )
}

export type UnmergeResult =
  | { ok: true; targetId: string }
  | { ok: false; reason: 'not_merged' | 'target_merged' }

interface MergeRow {
  id: string
  target_id: string
  moved_voters: string[]
  moved_comments: string[]
  repointed: string[]
}

/**
 * Undoes the latest merge of `sourceId`: its voters, comments and earlier merges go back, and
 * both requests are recounted. Refused while the target is itself merged into a third request
 * (undo that merge first). The caller runs this in a transaction.
 */
export async function undoMerge(
  tx: SqlExecutor,
  projectId: string,
  sourceId: string,
  now: number,
): Promise<UnmergeResult> {
  const [candidate] = await tx.query<{ target_id: string }>(
    `SELECT target_id FROM request_merges
      WHERE project_id = $1 AND source_id = $2 AND undone_at IS NULL
      ORDER BY merged_at DESC, id DESC LIMIT 1`,
    [projectId, sourceId],
  )
  if (!candidate) return { ok: false, reason: 'not_merged' }
  const targetId = candidate.target_id
  // Requests first, in id order, as merge takes them; then the merge row, checked again.
  const locked = await tx.query<{ id: string; merged_into: string | null }>(
    'SELECT id, merged_into FROM requests WHERE id IN ($1, $2) ORDER BY id FOR UPDATE',
    [sourceId, targetId],
  )
  const [merge] = await tx.query<MergeRow>(
    `SELECT id, target_id, moved_voters, moved_comments, repointed FROM request_merges
      WHERE project_id = $1 AND source_id = $2 AND undone_at IS NULL
      ORDER BY merged_at DESC, id DESC LIMIT 1 FOR UPDATE`,
    [projectId, sourceId],
  )
  const source = locked.find((row) => row.id === sourceId)
  if (!merge || merge.target_id !== targetId || source?.merged_into !== targetId) {
    return { ok: false, reason: 'not_merged' }
  }
  if (locked.find((row) => row.id === targetId)?.merged_into) {
    return { ok: false, reason: 'target_merged' }
  }
  await tx.query('DELETE FROM votes WHERE request_id = $1 AND voter = ANY($2::text[])', [
    targetId,
    merge.moved_voters,
  ])
  // The vote rows come back with each voter's current revenue and account (both may have
  // changed since the merge), so they agree with every other vote of the same person.
  await tx.query(
    `INSERT INTO votes (request_id, voter, project_id, person_id, created_at, voter_mrr_cents, account)
     SELECT $1, e.voter, $2, p.id, e."createdAt", coalesce(p.mrr_cents, 0),
            CASE WHEN p.id IS NULL THEN NULL
                 WHEN p.company_id IS NULL THEN 'p:' || p.id ELSE 'c:' || p.company_id END
       FROM request_merges m,
            jsonb_to_recordset(m.source_votes) AS e(voter text, "personId" bigint, "createdAt" timestamptz)
       LEFT JOIN people p ON p.id = e."personId"
      WHERE m.id = $3
     ON CONFLICT (request_id, voter) DO NOTHING`,
    [sourceId, projectId, merge.id],
  )
  await tx.query(
    'UPDATE comments SET request_id = $1 WHERE id = ANY($3::text[]) AND request_id = $2',
    [sourceId, targetId, merge.moved_comments],
  )
  await tx.query(
    'UPDATE requests SET merged_into = $1 WHERE id = ANY($3::text[]) AND merged_into = $2',
    [sourceId, targetId, merge.repointed],
  )
  await tx.query('UPDATE requests SET merged_into = NULL, updated_at = $2 WHERE id = $1', [
    sourceId,
    new Date(now),
  ])
  await tx.query('UPDATE requests SET updated_at = $2 WHERE id = $1', [targetId, new Date(now)])
  for (const id of [sourceId, targetId]) {
    await recountRequest(tx, id)
    await refreshCommentCounters(tx, id)
  }
  await tx.query('UPDATE request_merges SET undone_at = $2 WHERE id = $1', [
    merge.id,
    new Date(now),
  ])
  return { ok: true, targetId }
}
