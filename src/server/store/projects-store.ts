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

  /** The project whose portal answers on this host name (lowercase, no port), if any. */
  async findByPortalDomain(domain: string): Promise<ProjectRecord | null> {
    const rows = await this.db.query<ProjectRow>(
      `SELECT * FROM projects WHERE portal_settings ->> 'domain' = $1`,
      [domain],
    )
    return rows[0] ? toProjectRecord(rows[0]) : null
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
   * Renames and/or changes settings; absent fields stay as they are, the widget's and the
   * portal's too (merged in the statement, so two teammates saving different fields at once
   * both keep theirs). `siteUrl`/`ssoUrl`: null clears, absent keeps. A portal domain another
   * project holds fails on the unique index (migration 020): see isPortalDomainTaken.
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
                                     ELSE COALESCE(widget_settings, '{}'::jsonb) || $5::jsonb END,
              site_url = CASE WHEN $6::boolean THEN $7::text ELSE site_url END,
              sso_url = CASE WHEN $8::boolean THEN $9::text ELSE sso_url END,
              portal_settings = CASE WHEN $10::jsonb IS NULL THEN portal_settings
                                     ELSE COALESCE(portal_settings, '{}'::jsonb) || $10::jsonb END,
              moderation = COALESCE($11, moderation)
        WHERE id = $1
        RETURNING *`,
      [
        id,
        patch.name ?? null,
        patch.settings?.requireIdentity ?? null,
        patch.settings?.allowAnonymousComments ?? null,
        patch.settings?.widget ? JSON.stringify(patch.settings.widget) : null,
        patch.settings?.siteUrl !== undefined,
        patch.settings?.siteUrl ?? null,
        patch.settings?.ssoUrl !== undefined,
        patch.settings?.ssoUrl ?? null,
        patch.settings?.portal ? JSON.stringify(patch.settings.portal) : null,
        patch.settings?.moderation ?? null,
      ],
    )
    return rows[0] ? toProjectRecord(rows[0]) : null
  }
}

/** The error a save gets when another project already serves its portal on that domain. */
export function isPortalDomainTaken(error: unknown): boolean {
  const { code, constraint, message } = (error ?? {}) as {
    code?: unknown
    constraint?: unknown
    message?: unknown
  }
  return (
    code === '23505' &&
    (constraint === 'projects_portal_domain' ||
      (typeof message === 'string' && message.includes('projects_portal_domain')))
  )
}
