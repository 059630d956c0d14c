import type { ProjectSettingsPatch } from '../../shared/api'
import type { Db, SqlExecutor } from './db'
import { type ProjectRow, toProjectRecord } from './rows'
import type { ProjectRecord } from './types'

export class ProjectsStore {
  constructor(private readonly db: Db) {}

  async create(input: {
    id: string
    name: string
    secret: string
    now: number
  }): Promise<ProjectRecord> {
    const rows = await this.db.query<ProjectRow>(
      `INSERT INTO projects (id, name, created_at, secret) VALUES ($1, $2, $3, $4) RETURNING *`,
      [input.id, input.name, new Date(input.now), input.secret],
    )
    return toProjectRecord(rows[0] as ProjectRow)
  }

  async find(id: string): Promise<ProjectRecord | null> {
    const rows = await this.db.query<ProjectRow>('SELECT * FROM projects WHERE id = $1', [id])
    return rows[0] ? toProjectRecord(rows[0]) : null
  }

  async list(): Promise<ProjectRecord[]> {
    const rows = await this.db.query<ProjectRow>('SELECT * FROM projects ORDER BY created_at, id')
    return rows.map(toProjectRecord)
  }

  async count(): Promise<number> {
    const rows = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM projects')
    return rows[0]?.n ?? 0
  }

  /** The new secret signs from now on; the current one becomes the previous, valid until the given time. */
  async rotateSecret(input: {
    id: string
    secret: string
    previousValidUntil: number
  }): Promise<ProjectRecord | null> {
    const rows = await this.db.query<ProjectRow>(
      `UPDATE projects
          SET previous_secret = secret,
              previous_valid_until = $3,
              secret = $2,
              secret_generation = secret_generation + 1
        WHERE id = $1
        RETURNING *`,
      [input.id, input.secret, new Date(input.previousValidUntil)],
    )
    return rows[0] ? toProjectRecord(rows[0]) : null
  }

  /**
   * Renames and/or changes settings; absent fields stay as they are, the widget's too (merged
   * in the statement, so two teammates saving different fields at once both keep theirs).
   */
  async update(
    id: string,
    patch: { name?: string; settings?: ProjectSettingsPatch },
    executor: SqlExecutor = this.db,
  ): Promise<ProjectRecord | null> {
    const rows = await executor.query<ProjectRow>(
      `UPDATE projects
          SET name = COALESCE($2, name),
              require_identity = COALESCE($3, require_identity),
              allow_anonymous_comments = COALESCE($4, allow_anonymous_comments),
              widget_settings = CASE WHEN $5::jsonb IS NULL THEN widget_settings
                                     ELSE COALESCE(widget_settings, '{}'::jsonb) || $5::jsonb END
        WHERE id = $1
        RETURNING *`,
      [
        id,
        patch.name ?? null,
        patch.settings?.requireIdentity ?? null,
        patch.settings?.allowAnonymousComments ?? null,
        patch.settings?.widget ? JSON.stringify(patch.settings.widget) : null,
      ],
    )
    return rows[0] ? toProjectRecord(rows[0]) : null
  }
}
