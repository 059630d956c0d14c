import type { UpdateKind } from '../../shared/notifications'
import type { SqlExecutor } from './db'

/** The kinds of news a person may turn off (spec/api.md v3 "Following"), in the page's order. */
export const NOTIFICATION_KINDS: readonly UpdateKind[] = ['status', 'reply', 'shipped']

/**
 * The SQL condition "person `p` did not turn off the kind `$n`" for requestAudience: a kind
 * turned off on the preferences page reaches neither their email nor their widget's Updates.
 */
export const wantsKind = (kindParam: string) =>
  `NOT EXISTS (SELECT 1 FROM notification_preferences np
                WHERE np.person_id = p.id AND ${kindParam} = ANY(np.muted_kinds))`

/** What the preferences page shows: the kinds they get, and whether they unsubscribed from all. */
export interface NotificationPreferences {
  kinds: UpdateKind[]
  unsubscribed: boolean
  email: string | null
}

/** The person's choices, or null when the project has no such person (erased since the email). */
export async function readPreferences(
  sql: SqlExecutor,
  projectId: string,
  personId: number,
): Promise<NotificationPreferences | null> {
  const [row] = await sql.query<{
    email: string | null
    muted: string[] | null
    unsubscribed: boolean
  }>(
    `SELECT p.email, np.muted_kinds AS muted,
            EXISTS (SELECT 1 FROM mail_unsubscribes u
                     WHERE u.project_id = p.project_id AND u.person_id = p.id) AS unsubscribed
       FROM people p LEFT JOIN notification_preferences np ON np.person_id = p.id
      WHERE p.project_id = $1 AND p.id = $2`,
    [projectId, personId],
  )
  if (!row) return null
  const muted = new Set(row.muted ?? [])
  return {
    kinds: NOTIFICATION_KINDS.filter((kind) => !muted.has(kind)),
    unsubscribed: row.unsubscribed,
    email: row.email,
  }
}

/**
 * Keeps the kinds the person chose. Choosing any kind is asking for email again, so it also
 * undoes an earlier one-click unsubscribe; choosing none leaves it as it was.
 */
export async function savePreferences(
  tx: SqlExecutor,
  projectId: string,
  personId: number,
  kinds: readonly UpdateKind[],
  now: number,
): Promise<boolean> {
  const muted = NOTIFICATION_KINDS.filter((kind) => !kinds.includes(kind))
  const saved = await tx.query(
    `INSERT INTO notification_preferences (person_id, project_id, muted_kinds, updated_at)
     SELECT id, project_id, $3::text[], $4 FROM people WHERE project_id = $1 AND id = $2
     ON CONFLICT (person_id) DO UPDATE SET muted_kinds = $3::text[], updated_at = $4
     RETURNING person_id`,
    [projectId, personId, muted, new Date(now)],
  )
  if (saved.length === 0) return false
  if (kinds.length > 0) {
    await tx.query('DELETE FROM mail_unsubscribes WHERE project_id = $1 AND person_id = $2', [
      projectId,
      personId,
    ])
  }
  return true
}

/** The kinds person `personId` turned off, for the mail job's last look before sending. */
export async function mutedKinds(sql: SqlExecutor, personId: number): Promise<Set<string>> {
  const [row] = await sql.query<{ muted_kinds: string[] }>(
    'SELECT muted_kinds FROM notification_preferences WHERE person_id = $1',
    [personId],
  )
  return new Set(row?.muted_kinds ?? [])
}
