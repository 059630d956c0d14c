import type { PersonUpdate, UpdateKind } from '../../shared/notifications'
import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

// One line of a person's "Updates" in the widget is a wire type (spec/api.md "In the widget").
export type { PersonUpdate, UpdateKind }

export interface NewPersonUpdates {
  projectId: string
  personIds: number[]
  requestId: string
  kind: UpdateKind
  title: string
  status: string
  now: number
}

/** One update for each of `personIds`, in one statement however many they are. */
export async function insertPersonUpdates(
  tx: SqlExecutor,
  update: NewPersonUpdates,
): Promise<void> {
  if (update.personIds.length === 0) return
  await tx.query(
    `INSERT INTO person_updates (project_id, person_id, request_id, kind, title, status, at)
     SELECT $1, person_id, $3, $4, $5, $6, $7 FROM unnest($2::bigint[]) AS person_id`,
    [
      update.projectId,
      update.personIds,
      update.requestId,
      update.kind,
      update.title,
      update.status,
      new Date(update.now),
    ],
  )
}

interface UpdateRow {
  id: number
  request_id: string
  title: string
  kind: UpdateKind
  status: string
  at: Date | string
  read_at: Date | string | null
}

const UPDATES_LIMIT = 50

/** v3 moderation: updates about a request the team deleted leave the list (and the unread count). */
const DELETED_REQUEST = (update: string) =>
  `SELECT 1 FROM requests dr WHERE dr.id = ${update}.request_id AND dr.deleted_at IS NOT NULL`

export class UpdatesStore {
  constructor(private readonly db: Db) {}

  /** Newest first, at most 50, and how many of all of them are unread. */
  async list(projectId: string, sub: string): Promise<{ updates: PersonUpdate[]; unread: number }> {
    const rows = await this.db.query<UpdateRow & { unread: number }>(
      `SELECT u.id, u.request_id, u.title, u.kind, u.status, u.at, u.read_at,
              (SELECT count(*)::int FROM person_updates x
                WHERE x.person_id = p.id AND x.read_at IS NULL
                  AND NOT EXISTS (${DELETED_REQUEST('x')})) AS unread
         FROM people p JOIN person_updates u ON u.person_id = p.id
        WHERE p.project_id = $1 AND p.sub = $2 AND NOT EXISTS (${DELETED_REQUEST('u')})
        ORDER BY u.at DESC, u.id DESC LIMIT $3`,
      [projectId, sub, UPDATES_LIMIT],
    )
    return {
      unread: rows[0]?.unread ?? 0,
      updates: rows.map((row) => ({
        id: String(row.id),
        requestId: row.request_id,
        title: row.title,
        kind: row.kind,
        status: row.status,
        at: toIso(row.at),
        read: row.read_at !== null,
      })),
    }
  }

  /** Marks the given updates (or all of them) read; answers how many stay unread. */
  async markRead(
    projectId: string,
    sub: string,
    ids: string[] | null,
    now: number,
  ): Promise<number> {
    const numericIds = ids?.filter((id) => /^\d{1,18}$/.test(id)) ?? null
    const [row] = await this.db.query<{ unread: number }>(
      `WITH person AS (SELECT id FROM people WHERE project_id = $1 AND sub = $2),
       marked AS (
         UPDATE person_updates SET read_at = $4
          WHERE person_id = (SELECT id FROM person) AND read_at IS NULL
            AND ($3::bigint[] IS NULL OR id = ANY($3::bigint[]))
          RETURNING id)
       SELECT (SELECT count(*)::int FROM person_updates
                WHERE person_id = (SELECT id FROM person) AND read_at IS NULL)
            - (SELECT count(*)::int FROM marked) AS unread`,
      [projectId, sub, numericIds, new Date(now)],
    )
    return row?.unread ?? 0
  }
}
