import type { TeamRole } from '../../shared/roles'
import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

export interface SessionWithMember {
  idHash: string
  lastSeenAt: number
  member: { id: string; email: string; name: string; role: TeamRole }
}

interface SessionRow {
  id_hash: string
  last_seen_at: Date | string
  member_id: string
  email: string
  name: string
  role: TeamRole
}

/** Sessions are keyed by the sha256 of the cookie's random id (auth/sessions.ts makes both). */
export class SessionsStore {
  constructor(private readonly db: Db) {}

  async create(
    input: { idHash: string; memberId: string; now: number },
    executor: SqlExecutor = this.db,
  ): Promise<void> {
    await executor.query(
      `INSERT INTO sessions (id_hash, member_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)`,
      [input.idHash, input.memberId, new Date(input.now)],
    )
  }

  /** The session and its member, if it was seen after `idleCutoff`. */
  async findActive(idHash: string, idleCutoff: number): Promise<SessionWithMember | null> {
    const rows = await this.db.query<SessionRow>(
      `SELECT s.id_hash, s.last_seen_at, m.id AS member_id, m.email, m.name, m.role
         FROM sessions s JOIN members m ON m.id = s.member_id
        WHERE s.id_hash = $1 AND s.last_seen_at > $2`,
      [idHash, new Date(idleCutoff)],
    )
    const row = rows[0]
    if (!row) return null
    return {
      idHash: row.id_hash,
      lastSeenAt: new Date(toIso(row.last_seen_at)).getTime(),
      member: { id: row.member_id, email: row.email, name: row.name, role: row.role },
    }
  }

  async touch(idHash: string, now: number): Promise<void> {
    await this.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [
      idHash,
      new Date(now),
    ])
  }

  async remove(idHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash])
  }

  /** Every session of the member, but `keepIdHash` when given (the one asking). */
  async removeAllFor(
    memberId: string,
    keepIdHash: string | null = null,
    executor: SqlExecutor = this.db,
  ): Promise<number> {
    const rows = await executor.query(
      `DELETE FROM sessions WHERE member_id = $1 AND id_hash IS DISTINCT FROM $2 RETURNING id_hash`,
      [memberId, keepIdHash],
    )
    return rows.length
  }

  /** Drops sessions idle past the cutoff; called now and then so the table does not grow. */
  async removeIdle(idleCutoff: number): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE last_seen_at <= $1', [new Date(idleCutoff)])
  }
}
