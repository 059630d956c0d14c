import type { MergedRequest } from '../../shared/api'
import type { SqlExecutor } from './db'

interface MergedRow {
  id: string
  title: string
  votes: number
  merged_at: Date | string
}

/**
 * The requests folded into `targetId` that Unmerge can still take back out: the latest merge
 * of each, not undone, whose source still points at this target (a request repointed here by
 * a later merge of its own target is undone through that target first). Oldest merge first.
 */
export async function listMergedInto(
  db: SqlExecutor,
  projectId: string,
  targetId: string,
): Promise<MergedRequest[]> {
  const rows = await db.query<MergedRow>(
    `SELECT r.id, r.title, jsonb_array_length(m.source_votes)::int AS votes, m.merged_at
       FROM requests r
       JOIN LATERAL (
         SELECT target_id, source_votes, merged_at FROM request_merges
          WHERE project_id = $1 AND source_id = r.id AND undone_at IS NULL
          ORDER BY merged_at DESC, id DESC LIMIT 1
       ) m ON m.target_id = $2
      WHERE r.project_id = $1 AND r.merged_into = $2
      ORDER BY m.merged_at, r.id`,
    [projectId, targetId],
  )
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    votes: Number(row.votes),
    mergedAt: new Date(row.merged_at).toISOString(),
  }))
}
