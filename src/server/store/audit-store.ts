import type { Db, SqlExecutor } from './db'
import { type KeysetColumn, keysetAfter } from './keyset'
import { toIso } from './rows'

/** One line of a project's audit log (spec/api.md "Team accounts"). */
export interface AuditEntry {
  at: string
  /** The member's email, or 'admin-token'. */
  actor: string
  /** e.g. 'request.status', 'request.merged', 'secret.rotated', 'settings.changed'. */
  action: string
  /** What it was done to: a request id, a member's email, a comment id… */
  target: string
  detail: Record<string, unknown> | null
  /** Where the line sits in the log (AUDIT_KEYSET): a cursor's key, never on the wire. */
  key: [string, number]
}

/** Newest first: the time exactly as stored, then the id for lines of the same instant. */
export const AUDIT_KEYSET: readonly KeysetColumn[] = [
  { sql: 'at', descending: true, type: 'timestamp' },
  { sql: 'id', descending: true, type: 'number' },
]

export interface NewAuditEntry {
  projectId: string | null
  actor: string
  action: string
  target?: string
  detail?: Record<string, unknown>
  now: number
}

interface AuditRow {
  id: number | string
  at_key: string
  at: Date | string
  actor: string
  action: string
  target: string
  detail: Record<string, unknown> | null
}

export class AuditStore {
  constructor(private readonly db: Db) {}

  /** Pass the transaction that made the change, so the entry and the change commit together. */
  async record(entry: NewAuditEntry, executor: SqlExecutor = this.db): Promise<void> {
    await executor.query(
      `INSERT INTO audit_log (project_id, at, actor, action, target, detail)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.projectId,
        new Date(entry.now),
        entry.actor,
        entry.action,
        entry.target ?? '',
        entry.detail ? JSON.stringify(entry.detail) : null,
      ],
    )
  }

  /**
   * Newest first. Team-wide entries (projectId null: invites, roles, removals) show in every
   * project's log, since who is on the team decides who can change every project.
   */
  async list(
    projectId: string,
    limit = 200,
    after: readonly unknown[] | null = null,
  ): Promise<AuditEntry[]> {
    const keyset = after ? keysetAfter(AUDIT_KEYSET, after, 3) : null
    const rows = await this.db.query<AuditRow>(
      `SELECT id, at::text AS at_key, at, actor, action, target, detail FROM audit_log
        WHERE (project_id = $1 OR project_id IS NULL) ${keyset ? `AND ${keyset.sql}` : ''}
        ORDER BY at DESC, id DESC LIMIT $2`,
      [projectId, limit, ...(keyset?.params ?? [])],
    )
    return rows.map((row) => ({
      key: [row.at_key, Number(row.id)] as [string, number],
      at: toIso(row.at),
      actor: row.actor,
      action: row.action,
      target: row.target,
      detail: typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail,
    }))
  }

  /**
   * The titles, now, of the requests a page of the log names; a deleted or unknown id is
   * absent. Only this project's requests: a forged id in an old line never reveals another's.
   */
  async requestTitles(projectId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map()
    const rows = await this.db.query<{ id: string; title: string }>(
      'SELECT id, title FROM requests WHERE project_id = $1 AND id = ANY($2::text[])',
      [projectId, [...new Set(ids)]],
    )
    return new Map(rows.map((row) => [row.id, row.title]))
  }
}
