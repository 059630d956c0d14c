import { readModerationMode } from '../../shared/api/moderation'
import { readAbsoluteUrl, readPortalSettings } from '../../shared/api/portal-settings'
import { readWidgetSettings } from '../../shared/api/widget-settings'
import { attachmentsColumn, toAttachmentRefs } from './attachment-rows'
import { REQUEST_TAGS_COLUMN, readRequestTags } from './request-tags-column'
import type { ProjectRecord, RequestRecord } from './types'

/** Database rows to store records: the one place that knows column names. */

export interface ProjectRow {
  id: string
  name: string
  created_at: Date | string
  secret: string
  secret_generation: number
  previous_secret: string | null
  previous_valid_until: Date | string | null
  require_identity: boolean
  allow_anonymous_comments: boolean
  /** jsonb, NULL until the widget's settings are first changed (migration 018). */
  widget_settings: unknown
  /** Migration 020: NULL until set. */
  site_url: string | null
  sso_url: string | null
  /** jsonb, NULL until the portal's settings are first changed (migration 020). */
  portal_settings: unknown
  /** Migration 025: 'off', 'anonymous' or 'all'. */
  moderation?: string | null
}

export function toProjectRecord(row: ProjectRow): ProjectRecord {
  return {
    id: row.id,
    name: row.name,
    createdAt: toIso(row.created_at),
    secret: row.secret,
    secretGeneration: row.secret_generation,
    previousSecret: row.previous_secret,
    previousValidUntil: row.previous_valid_until
      ? new Date(row.previous_valid_until).getTime()
      : null,
    settings: {
      requireIdentity: row.require_identity,
      allowAnonymousComments: row.allow_anonymous_comments,
      widget: readWidgetSettings(row.widget_settings),
      siteUrl: readAbsoluteUrl(row.site_url),
      ssoUrl: readAbsoluteUrl(row.sso_url),
      portal: readPortalSettings(row.portal_settings),
      moderation: readModerationMode(row.moderation),
    },
  }
}

/**
 * The columns a RequestRow holds, read as `SELECT ${REQUEST_COLUMNS} FROM requests r`: named
 * rather than `r.*` so that search_text (title and body lowered again, for search only, see
 * migration 012) is not read along with every request.
 */
export const REQUEST_COLUMNS = [
  'id',
  'project_id',
  'title',
  'body',
  'status',
  'votes',
  'mrr_cents',
  'accounts',
  'created_at',
  'author_voter',
  'status_note',
  'comment_count',
  'unanswered',
  'deleted_at',
  'edited_at',
]
  .map((column) => `r.${column}`)
  .concat(REQUEST_TAGS_COLUMN)
  // Its images (migration 027), read live with the request.
  .concat(attachmentsColumn('request_id', 'r.id'))
  .join(', ')

export interface RequestRow {
  id: string
  project_id: string
  title: string
  body: string
  status: string
  votes: number
  mrr_cents: number
  accounts?: number
  voted?: boolean
  created_at: Date | string
  author_voter: string
  status_note: string | null
  comment_count: number
  unanswered: boolean
  /** Migration 025: when the team deleted it; null while it stands. */
  deleted_at?: Date | string | null
  /** json from REQUEST_TAGS_COLUMN (a string on some drivers). */
  tags?: unknown
  /** Migration 026: when the author last changed the title or body. */
  edited_at?: Date | string | null
  attachments?: unknown
}

export function toRequestRecord(row: RequestRow, voted = row.voted ?? false): RequestRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    body: row.body,
    status: row.status,
    votes: Number(row.votes),
    mrrCents: Number(row.mrr_cents),
    accounts: Number(row.accounts ?? 0),
    voted,
    createdAt: toIso(row.created_at),
    authorVoter: row.author_voter,
    statusNote: row.status_note ?? null,
    commentCount: Number(row.comment_count ?? 0),
    unanswered: row.unanswered === true,
    deletedAt: row.deleted_at ? toIso(row.deleted_at) : null,
    tags: readRequestTags(row.tags),
    editedAt: row.edited_at ? toIso(row.edited_at) : null,
    attachments: toAttachmentRefs(row.attachments),
  }
}

export function toIso(value: Date | string): string {
  return (
    (typeof value === 'string' && isoOfUtcJsonTimestamp(value)) || new Date(value).toISOString()
  )
}

/**
 * A timestamptz as PostgreSQL writes it into JSON in a UTC session (pg-db.ts sets one; PGlite
 * runs in UTC): `2026-12-03T10:15:00.123456+00:00`, as `2026-12-03T10:15:00.123Z`, by slicing.
 * The backlog turns ~2,000 of them into ISO strings per page, and parsing each with Date cost
 * 2.4 ms of every page (docs/benchmarks.md). Anything else answers null: parse it in full.
 */
function isoOfUtcJsonTimestamp(value: string): string | null {
  if (value.length < 25 || value.length > 32 || value[10] !== 'T' || !value.endsWith('+00:00'))
    return null
  if (value.length === 25) return `${value.slice(0, 19)}.000Z`
  if (value[19] !== '.') return null
  return `${value.slice(0, 19)}.${value.slice(20, -6).padEnd(3, '0').slice(0, 3)}Z`
}
