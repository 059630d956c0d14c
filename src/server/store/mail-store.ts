import { randomBytes } from 'node:crypto'
import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

/** One thing to tell a person by email; several within the coalescing window make one email. */
export interface MailItem {
  id: number
  projectId: string
  personId: number
  detail: MailItemDetail
  createdAt: string
}

export interface MailItemDetail {
  kind: 'status' | 'reply' | 'shipped'
  requestId: string
  requestTitle: string
  status: string
  /** The team's public note on the status, a reply's text, or the changelog entry's title. */
  note: string | null
  /** Who replied, for `reply`. */
  by?: string | null
}

export interface KeptMail {
  id: number
  projectId: string | null
  to: string
  subject: string
  text: string
  html: string
  headers: Record<string, string>
  at: string
}

export interface Recipient {
  personId: number
  email: string
  unsubscribed: boolean
  projectName: string
}

/**
 * One mail item per person and, per person, one queued mail job due at `sendAt` unless one is
 * already waiting (which then takes the new item along): that is the coalescing. Three
 * statements however many people hear.
 */
export async function insertMailItems(
  tx: SqlExecutor,
  input: {
    projectId: string
    personIds: number[]
    detail: MailItemDetail
    sendAt: number
    now: number
  },
): Promise<void> {
  if (input.personIds.length === 0) return
  await tx.query(
    `INSERT INTO mail_items (project_id, person_id, detail, created_at)
     SELECT $1, person_id, $3, $4 FROM unnest($2::bigint[]) AS person_id`,
    [input.projectId, input.personIds, JSON.stringify(input.detail), new Date(input.now)],
  )
  await tx.query(
    `INSERT INTO jobs (project_id, kind, lane, payload, run_at, dedupe_key, created_at, updated_at)
     SELECT $1, 'mail', 'mail', json_build_object('personId', person_id), $3,
            'mail:' || $1 || ':' || person_id, $4, $4
       FROM unnest($2::bigint[]) AS person_id
     ON CONFLICT (dedupe_key) WHERE status = 'queued' AND dedupe_key IS NOT NULL DO NOTHING`,
    [input.projectId, input.personIds, new Date(input.sendAt), new Date(input.now)],
  )
}

interface MailItemRow {
  id: number
  project_id: string
  person_id: number
  detail: MailItemDetail | string
  created_at: Date | string
}

export class MailStore {
  constructor(private readonly db: Db) {}

  /**
   * Binds every unsent item of the person to this mail job (and any earlier attempt's), so
   * items arriving while it runs go to the next email instead of being sent twice.
   */
  async bindItems(projectId: string, personId: number, jobId: number): Promise<MailItem[]> {
    const rows = await this.db.query<MailItemRow>(
      `UPDATE mail_items SET mail_job_id = $3
        WHERE project_id = $1 AND person_id = $2 AND sent_at IS NULL
          AND (mail_job_id IS NULL OR mail_job_id = $3
               OR NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.id = mail_items.mail_job_id))
        RETURNING *`,
      [projectId, personId, jobId],
    )
    return rows
      .map((row) => ({
        id: row.id,
        projectId: row.project_id,
        personId: row.person_id,
        detail: (typeof row.detail === 'string'
          ? JSON.parse(row.detail)
          : row.detail) as MailItemDetail,
        createdAt: toIso(row.created_at),
      }))
      .sort((a, b) => a.id - b.id)
  }

  async markSent(tx: SqlExecutor, ids: number[], now: number): Promise<void> {
    if (ids.length === 0) return
    await tx.query('UPDATE mail_items SET sent_at = $2 WHERE id = ANY($1::bigint[])', [
      ids,
      new Date(now),
    ])
  }

  async recipient(projectId: string, personId: number): Promise<Recipient | null> {
    const [row] = await this.db.query<{
      email: string | null
      name: string
      unsubscribed: boolean
    }>(
      `SELECT p.email, pr.name,
              EXISTS (SELECT 1 FROM mail_unsubscribes u
                       WHERE u.project_id = p.project_id AND u.person_id = p.id) AS unsubscribed
         FROM people p JOIN projects pr ON pr.id = p.project_id
        WHERE p.project_id = $1 AND p.id = $2`,
      [projectId, personId],
    )
    if (!row?.email) return null
    return { personId, email: row.email, unsubscribed: row.unsubscribed, projectName: row.name }
  }

  async unsubscribe(projectId: string, personId: number, now: number): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO mail_unsubscribes (project_id, person_id, at)
       SELECT $1, id, $3 FROM people WHERE project_id = $1 AND id = $2
       ON CONFLICT DO NOTHING RETURNING person_id`,
      [projectId, personId, new Date(now)],
    )
    if (rows.length > 0) return true
    const [exists] = await this.db.query(
      'SELECT 1 FROM mail_unsubscribes WHERE project_id = $1 AND person_id = $2',
      [projectId, personId],
    )
    return exists !== undefined
  }

  async keep(mail: Omit<KeptMail, 'id' | 'at'>, now: number): Promise<void> {
    await this.db.query(
      `INSERT INTO kept_mail (project_id, recipient, subject, text_body, html_body, headers, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        mail.projectId,
        mail.to,
        mail.subject,
        mail.text,
        mail.html,
        JSON.stringify(mail.headers),
        new Date(now),
      ],
    )
  }

  async listKept(projectId: string, limit = 100): Promise<KeptMail[]> {
    const rows = await this.db.query<{
      id: number
      project_id: string | null
      recipient: string
      subject: string
      text_body: string
      html_body: string
      headers: Record<string, string> | string
      at: Date | string
    }>('SELECT * FROM kept_mail WHERE project_id = $1 ORDER BY id DESC LIMIT $2', [
      projectId,
      limit,
    ])
    return rows.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      to: row.recipient,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      headers: typeof row.headers === 'string' ? JSON.parse(row.headers) : row.headers,
      at: toIso(row.at),
    }))
  }

  /** A random key kept in the database, created on first use (signs unsubscribe links). */
  async serverKey(name: string): Promise<string> {
    await this.db.query(
      'INSERT INTO server_keys (name, key) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
      [name, randomBytes(32).toString('base64url')],
    )
    const [row] = await this.db.query<{ key: string }>(
      'SELECT key FROM server_keys WHERE name = $1',
      [name],
    )
    if (!row) throw new Error(`server key ${name} missing`)
    return row.key
  }
}
