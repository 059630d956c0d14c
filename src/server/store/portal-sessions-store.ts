import type { Db } from './db'
import type { PersonFacts } from './types'

export interface NewPortalSession {
  idHash: string
  projectId: string
  /** The person as the token described them when they signed in. */
  person: PersonFacts
  secretGeneration: number
  now: number
  expiresAt: number
}

export interface PortalSession {
  idHash: string
  person: PersonFacts
  secretGeneration: number
}

interface PortalSessionRow {
  id_hash: string
  person: unknown
  secret_generation: number
}

/**
 * Portal sign-ins (portal/portal-session.ts makes them), keyed by the sha256 of the cookie's
 * random id. They end at a fixed time (the cookie's Max-Age), on sign-out, or with the project.
 */
export class PortalSessionsStore {
  constructor(private readonly db: Db) {}

  async create(session: NewPortalSession): Promise<void> {
    await this.db.query(
      `INSERT INTO portal_sessions
         (id_hash, project_id, sub, person, secret_generation, created_at, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
      [
        session.idHash,
        session.projectId,
        session.person.sub,
        JSON.stringify(session.person),
        session.secretGeneration,
        new Date(session.now),
        new Date(session.expiresAt),
      ],
    )
  }

  /** The project's session with that hash, unless it has ended by `now`. */
  async findLive(projectId: string, idHash: string, now: number): Promise<PortalSession | null> {
    const rows = await this.db.query<PortalSessionRow>(
      `SELECT id_hash, person, secret_generation FROM portal_sessions
        WHERE id_hash = $1 AND project_id = $2 AND expires_at > $3`,
      [idHash, projectId, new Date(now)],
    )
    const row = rows[0]
    if (!row) return null
    const person = (typeof row.person === 'string' ? JSON.parse(row.person) : row.person) as
      | PersonFacts
      | undefined
    if (!person || typeof person.sub !== 'string') return null
    return { idHash: row.id_hash, person, secretGeneration: row.secret_generation }
  }

  /** Sign-out: the session stops working at once, in every process. */
  async revoke(projectId: string, idHash: string): Promise<void> {
    await this.db.query('DELETE FROM portal_sessions WHERE id_hash = $1 AND project_id = $2', [
      idHash,
      projectId,
    ])
  }

  /** Drops ended sessions; called on each sign-in so the table does not grow. */
  async removeEnded(now: number): Promise<void> {
    await this.db.query('DELETE FROM portal_sessions WHERE expires_at <= $1', [new Date(now)])
  }
}
