import type { SqlExecutor } from './db'

/**
 * Who follows a request (spec/api.md v3 "Following"): its authors (of it and of the requests
 * merged into it), its voters and the rows of request_followers (commenters, and whoever
 * followed by hand) follow it, unless they unfollowed it: a request_unfollows row beats every
 * default until they follow again. requestAudience (audience-store.ts) reads the same rules.
 */

/** The SQL condition "person `p` did not unfollow request `$2`", for requestAudience. */
export const NOT_UNFOLLOWED = `NOT EXISTS (SELECT 1 FROM request_unfollows uf
                  WHERE uf.request_id = $2 AND uf.person_id = p.id)`

/** Whether the person `sub` follows `requestId`, by default or by hand. */
export async function isFollowing(
  sql: SqlExecutor,
  projectId: string,
  requestId: string,
  sub: string,
): Promise<boolean> {
  const [row] = await sql.query<{ following: boolean }>(
    `SELECT ${NOT_UNFOLLOWED} AND (
              EXISTS (SELECT 1 FROM requests r WHERE r.project_id = $1
                         AND (r.id = $2 OR r.merged_into = $2) AND r.author_person_id = p.id)
              OR EXISTS (SELECT 1 FROM votes v WHERE v.request_id = $2 AND v.person_id = p.id)
              OR EXISTS (SELECT 1 FROM request_followers f
                          WHERE f.request_id = $2 AND f.person_id = p.id)) AS following
       FROM people p WHERE p.project_id = $1 AND p.sub = $3`,
    [projectId, requestId, sub],
  )
  return row?.following === true
}

/** Follows by hand: a follower row, and any earlier unfollow gone. */
export async function follow(
  tx: SqlExecutor,
  projectId: string,
  requestId: string,
  sub: string,
  now: number,
): Promise<void> {
  await tx.query(
    `DELETE FROM request_unfollows
      WHERE request_id = $2 AND person_id = (SELECT id FROM people WHERE project_id = $1 AND sub = $3)`,
    [projectId, requestId, sub],
  )
  await addFollower(tx, projectId, requestId, sub, now)
}

/** The person `sub` (if the store knows them) follows the request, e.g. its author: one statement. */
export async function addFollower(
  tx: SqlExecutor,
  projectId: string,
  requestId: string,
  sub: string,
  now: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO request_followers (request_id, person_id, since)
     SELECT $2, id, $4 FROM people WHERE project_id = $1 AND sub = $3
     ON CONFLICT DO NOTHING`,
    [projectId, requestId, sub, new Date(now)],
  )
}

/**
 * Unfollows: the unfollow row silences every default (their vote, their comment, their own
 * request) until they follow again; a later vote or comment does not undo it.
 */
export async function unfollow(
  tx: SqlExecutor,
  projectId: string,
  requestId: string,
  sub: string,
  now: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO request_unfollows (request_id, person_id, at)
     SELECT $2, id, $4 FROM people WHERE project_id = $1 AND sub = $3
     ON CONFLICT DO NOTHING`,
    [projectId, requestId, sub, new Date(now)],
  )
}

/**
 * After a merge, whoever unfollowed the source stays silent on the target, unless they had
 * followed the target by hand (then they asked for the target's news).
 */
export async function moveUnfollows(tx: SqlExecutor, fromId: string, toId: string): Promise<void> {
  await tx.query(
    `INSERT INTO request_unfollows (request_id, person_id, at)
     SELECT $2, u.person_id, u.at FROM request_unfollows u
      WHERE u.request_id = $1
        AND NOT EXISTS (SELECT 1 FROM request_followers f
                         WHERE f.request_id = $2 AND f.person_id = u.person_id)
     ON CONFLICT DO NOTHING`,
    [fromId, toId],
  )
}

/**
 * Of `requestIds`, the ones person `personId` unfollowed: the mail job drops news about them
 * that was queued before the unfollow.
 */
export async function unfollowedAmong(
  sql: SqlExecutor,
  personId: number,
  requestIds: string[],
): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set()
  const rows = await sql.query<{ request_id: string }>(
    'SELECT request_id FROM request_unfollows WHERE person_id = $1 AND request_id = ANY($2::text[])',
    [personId, requestIds],
  )
  return new Set(rows.map((row) => row.request_id))
}
