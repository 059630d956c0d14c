import type { TeamRole } from '../../shared/roles'
import {
  defaultTeamEmailSettings,
  TEAM_EMAIL_ON_BY_DEFAULT,
  type TeamEmailSettings,
} from '../../shared/team-email'
import type { SqlExecutor } from './db'

/** Which of a member's choices a kind of team email reads. */
export type TeamEmailKind = 'request' | 'comment'

const COLUMN: Record<TeamEmailKind, string> = { request: 'new_request', comment: 'new_comment' }

/** The roles on by default, as an SQL list: the one place SQL and TypeScript must agree. */
const DEFAULT_ON_ROLES = TEAM_EMAIL_ON_BY_DEFAULT.map((role) => `'${role}'`).join(', ')

/**
 * The SQL condition "member `m` wants `kind`" (with `s` their settings row, LEFT JOINed): their
 * choice, or their role's default while they made none.
 */
const wants = (kind: TeamEmailKind) =>
  `coalesce(s.${COLUMN[kind]}, m.role IN (${DEFAULT_ON_ROLES}))`

const MEMBERS_WITH_SETTINGS = 'members m LEFT JOIN team_email_settings s ON s.member_id = m.id'

/**
 * SQL, true when some member wants to hear of new requests: a new request's event is queued
 * even with no webhook listening (events.ts) only then.
 */
export const TEAM_WANTS_NEW_REQUESTS = `EXISTS (SELECT 1 FROM ${MEMBERS_WITH_SETTINGS}
  WHERE ${wants('request')})`

/** The member's choices, or their role's defaults while they made none. */
export async function readTeamEmailSettings(
  sql: SqlExecutor,
  member: { id: string; role: TeamRole },
): Promise<TeamEmailSettings> {
  const [row] = await sql.query<{ new_request: boolean; new_comment: boolean }>(
    `SELECT ${wants('request')} AS new_request, ${wants('comment')} AS new_comment
       FROM ${MEMBERS_WITH_SETTINGS} WHERE m.id = $1`,
    [member.id],
  )
  return row
    ? { newRequest: row.new_request, newComment: row.new_comment }
    : defaultTeamEmailSettings(member.role)
}

/** Stores both choices: from now on the role's defaults no longer apply to this member. */
export async function saveTeamEmailSettings(
  sql: SqlExecutor,
  memberId: string,
  settings: TeamEmailSettings,
  now: number,
): Promise<void> {
  await sql.query(
    `INSERT INTO team_email_settings (member_id, new_request, new_comment, updated_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (member_id) DO UPDATE
       SET new_request = $2, new_comment = $3, updated_at = $4`,
    [memberId, settings.newRequest, settings.newComment, new Date(now)],
  )
}

/**
 * The members who want `kind` of news about `projectId`, less the one whose own action it was
 * (`exceptEmail`, the event's teamMemberEmail). Every role may see every project (shared/
 * roles.ts: `view` is everyone's), so "the projects they can see" is every project today; this
 * is the one query to narrow should members ever be given projects of their own.
 */
export async function membersWhoWant(
  sql: SqlExecutor,
  _projectId: string,
  kind: TeamEmailKind,
  exceptEmail: string | null,
): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT m.id FROM ${MEMBERS_WITH_SETTINGS}
      WHERE ${wants(kind)} AND ($1::text IS NULL OR m.email <> lower(trim($1::text)))
      ORDER BY m.id`,
    [exceptEmail],
  )
  return rows.map((row) => row.id)
}

/** Whether `memberId` still wants `kind` as the email leaves (they may have turned it off since). */
export async function kindsStillWanted(
  sql: SqlExecutor,
  memberId: string,
): Promise<Set<TeamEmailKind>> {
  const [row] = await sql.query<{ request: boolean; comment: boolean }>(
    `SELECT ${wants('request')} AS request, ${wants('comment')} AS comment
       FROM ${MEMBERS_WITH_SETTINGS} WHERE m.id = $1`,
    [memberId],
  )
  const kinds = new Set<TeamEmailKind>()
  if (row?.request) kinds.add('request')
  if (row?.comment) kinds.add('comment')
  return kinds
}
