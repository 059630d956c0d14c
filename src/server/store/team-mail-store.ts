import type { Db, SqlExecutor } from './db'
import type { JobKind } from './jobs-store'
import type { TeamEmailKind } from './team-email-settings-store'

/** The job kind, and the lane it shares with customers' emails (one SMTP server). */
export const TEAM_MAIL_JOB: JobKind = 'team-mail'

/**
 * One line per member, and per member one queued team-mail job for the project, due at
 * `sendAt`, unless one is already waiting (which then takes the new line along): the same
 * coalescing as customers' emails (mail-store.ts insertMailItems), keyed by member and project.
 */
export async function insertTeamMailItems(
  tx: SqlExecutor,
  input: {
    projectId: string
    memberIds: string[]
    kind: TeamEmailKind
    requestId: string
    commentId: string | null
    sendAt: number
    now: number
  },
): Promise<void> {
  if (input.memberIds.length === 0) return
  await tx.query(
    `INSERT INTO team_mail_items (project_id, member_id, kind, request_id, comment_id, created_at)
     SELECT $1, member_id, $3, $4, $5, $6 FROM unnest($2::text[]) AS member_id`,
    [
      input.projectId,
      input.memberIds,
      input.kind,
      input.requestId,
      input.commentId,
      new Date(input.now),
    ],
  )
  await tx.query(
    `INSERT INTO jobs (project_id, kind, lane, payload, run_at, dedupe_key, created_at, updated_at)
     SELECT $1, '${TEAM_MAIL_JOB}', 'mail', json_build_object('memberId', member_id), $3,
            '${TEAM_MAIL_JOB}:' || $1 || ':' || member_id, $4, $4
       FROM unnest($2::text[]) AS member_id
     ON CONFLICT (dedupe_key) WHERE status = 'queued' AND dedupe_key IS NOT NULL DO NOTHING`,
    [input.projectId, input.memberIds, new Date(input.sendAt), new Date(input.now)],
  )
}

/** One line as the email shows it, read as the email leaves. */
export interface TeamMailLine {
  id: number
  kind: TeamEmailKind
  requestId: string
  requestTitle: string
  requestBody: string
  /** Who asked (the request's author) or who commented: a name, a company, MRR when known. */
  who: {
    name: string | null
    company: string | null
    mrrCents: number
    /** False for an anonymous visitor. */
    identified: boolean
  }
  /** The comment's words, for `comment`. */
  commentBody: string | null
}

interface LineRow {
  id: number
  kind: TeamEmailKind
  request_id: string
  title: string
  request_body: string
  comment_body: string | null
  person_id: number | null
  person_name: string | null
  company_name: string | null
  mrr_cents: number | string | null
}

/**
 * Binds every unsent line of the member for the project to this job (and any earlier attempt's),
 * so lines arriving while it runs go to the next email instead of being sent twice. Answers the
 * lines still worth sending with their words; the others (a request deleted, a comment hidden
 * since) are bound too, so that the job's success closes them with the rest.
 */
export async function bindTeamMailLines(
  db: Db,
  projectId: string,
  memberId: string,
  jobId: number,
): Promise<{ boundIds: number[]; lines: TeamMailLine[] }> {
  const bound = await db.query<{ id: number }>(
    `UPDATE team_mail_items SET mail_job_id = $3
      WHERE project_id = $1 AND member_id = $2 AND sent_at IS NULL
        AND (mail_job_id IS NULL OR mail_job_id = $3
             OR NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.id = team_mail_items.mail_job_id))
      RETURNING id`,
    [projectId, memberId, jobId],
  )
  const boundIds = bound.map((row) => Number(row.id))
  if (boundIds.length === 0) return { boundIds, lines: [] }
  const rows = await db.query<LineRow>(
    `SELECT i.id, i.kind, i.request_id, r.title, r.body AS request_body, c.body AS comment_body,
            p.id AS person_id, p.name AS person_name, co.name AS company_name, p.mrr_cents
       FROM team_mail_items i
       JOIN requests r ON r.id = i.request_id
       LEFT JOIN comments c ON c.id = i.comment_id
       LEFT JOIN people p ON p.id = CASE WHEN i.kind = 'comment' THEN c.author_person_id
                                         ELSE r.author_person_id END
       LEFT JOIN companies co ON co.id = p.company_id
      WHERE i.id = ANY($1::bigint[])
        AND r.deleted_at IS NULL
        AND (i.kind = 'request' OR (c.id IS NOT NULL AND NOT c.hidden))
      ORDER BY i.id`,
    [boundIds],
  )
  return { boundIds, lines: rows.map(toLine) }
}

function toLine(row: LineRow): TeamMailLine {
  return {
    id: Number(row.id),
    kind: row.kind,
    requestId: row.request_id,
    requestTitle: row.title,
    requestBody: row.request_body,
    who: {
      name: row.person_name,
      company: row.company_name,
      mrrCents: Number(row.mrr_cents ?? 0),
      identified: row.person_id !== null,
    },
    commentBody: row.comment_body,
  }
}

/** The lines an accepted email carried (or that were not worth sending): never sent again. */
export async function markTeamMailLinesSent(
  tx: SqlExecutor,
  ids: number[],
  now: number,
): Promise<void> {
  if (ids.length === 0) return
  await tx.query('UPDATE team_mail_items SET sent_at = $2 WHERE id = ANY($1::bigint[])', [
    ids,
    new Date(now),
  ])
}
