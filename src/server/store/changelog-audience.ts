import { type AudienceMember, requestAudience } from './audience-store'
import type { SqlExecutor } from './db'

/** Who would hear that an entry shipped these requests, counted before anything is written. */
export interface ShippingAudience {
  /** Identified people, each counted once however many of the requests they touched. */
  people: AudienceMember[]
  /** Distinct anonymous voters and authors: they cannot be told. */
  anonymous: number
}

/**
 * The people changelog.published would tell about `requestIds` (already resolved to the
 * requests that stand: see resolveRequestIds): the same audience, request by request, as the
 * notification code uses (audience-store.ts), so the number the team sees before publishing is
 * the number told.
 */
export async function shippingAudience(
  sql: SqlExecutor,
  projectId: string,
  requestIds: string[],
): Promise<ShippingAudience> {
  if (requestIds.length === 0) return { people: [], anonymous: 0 }
  const people = new Map<number, AudienceMember>()
  for (const requestId of requestIds) {
    for (const member of await requestAudience(sql, projectId, requestId, 'shipped')) {
      people.set(member.personId, member)
    }
  }
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(DISTINCT voter)::int AS n FROM (
       SELECT voter FROM votes
        WHERE request_id IN (SELECT jsonb_array_elements_text($2::jsonb)) AND person_id IS NULL
       UNION SELECT author_voter FROM requests
        WHERE project_id = $1 AND author_person_id IS NULL
          AND (id IN (SELECT jsonb_array_elements_text($2::jsonb))
               OR merged_into IN (SELECT jsonb_array_elements_text($2::jsonb)))) t`,
    [projectId, JSON.stringify(requestIds)],
  )
  return { people: [...people.values()], anonymous: row?.n ?? 0 }
}
