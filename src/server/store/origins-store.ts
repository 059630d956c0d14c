import type { Db } from './db'
import { toIso } from './rows'

export interface OriginSighting {
  origin: string
  firstSeenAt: string
  lastSeenAt: string
}

/** A new project's first steps, as its data shows them (the dashboard's install checklist). */
export interface InstallProgress {
  /** A public request came from a page with an Origin. */
  installed: boolean
  /** A verified identity token reached the project. */
  identityVerified: boolean
  firstRequest: boolean
  /** A vote by someone other than the request's author. */
  firstVote: boolean
}

/** Pages the widget was seen on, per project (table project_origins). */
export class OriginsStore {
  constructor(private readonly db: Db) {}

  async record(projectId: string, origin: string, now: number): Promise<void> {
    await this.db.query(
      `INSERT INTO project_origins (project_id, origin, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $3)
       ON CONFLICT (project_id, origin) DO UPDATE
         SET last_seen_at = greatest(project_origins.last_seen_at, excluded.last_seen_at)`,
      [projectId, origin, new Date(now)],
    )
  }

  /** The most recently seen first. */
  async list(projectId: string, limit = 20): Promise<OriginSighting[]> {
    const rows = await this.db.query<{
      origin: string
      first_seen_at: Date | string
      last_seen_at: Date | string
    }>(
      `SELECT origin, first_seen_at, last_seen_at FROM project_origins
        WHERE project_id = $1 ORDER BY last_seen_at DESC, origin LIMIT $2`,
      [projectId, limit],
    )
    return rows.map((row) => ({
      origin: row.origin,
      firstSeenAt: toIso(row.first_seen_at),
      lastSeenAt: toIso(row.last_seen_at),
    }))
  }

  async progress(projectId: string): Promise<InstallProgress> {
    const [row] = await this.db.query<Record<keyof InstallProgress, boolean>>(
      `SELECT
         EXISTS (SELECT 1 FROM project_origins WHERE project_id = $1) AS "installed",
         EXISTS (SELECT 1 FROM people WHERE project_id = $1) AS "identityVerified",
         EXISTS (SELECT 1 FROM requests WHERE project_id = $1) AS "firstRequest",
         EXISTS (SELECT 1 FROM votes v JOIN requests r ON r.id = v.request_id
                  WHERE v.project_id = $1 AND v.voter <> r.author_voter) AS "firstVote"`,
      [projectId],
    )
    return {
      installed: row?.installed === true,
      identityVerified: row?.identityVerified === true,
      firstRequest: row?.firstRequest === true,
      firstVote: row?.firstVote === true,
    }
  }
}
