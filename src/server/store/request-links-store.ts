import { randomBytes } from 'node:crypto'
import { ISSUE_TRACKER_KINDS, type IssueTrackerKind } from '../../shared/api/integrations'
import type { Db } from './db'
import { toIso } from './rows'

/** The trackers a request can be linked to (a subset of the integrations' kinds). */
export const TRACKER_KINDS = ISSUE_TRACKER_KINDS
export type TrackerKind = IssueTrackerKind

/** One issue linked to a request, as the team sees it. */
export interface RequestLink {
  id: string
  url: string
  kind: TrackerKind
  /** How the tracker's webhooks name the issue (GitHub `owner/name#n`, Linear `KEY-n`). */
  issueKey: string
  createdAt: string
}

interface RequestLinkRow {
  id: string
  url: string
  kind: TrackerKind
  issue_key: string
  created_at: Date | string
}

const COLUMNS = 'id, url, kind, issue_key, created_at'

function toLink(row: RequestLinkRow): RequestLink {
  return {
    id: row.id,
    url: row.url,
    kind: row.kind,
    issueKey: row.issue_key,
    createdAt: toIso(row.created_at),
  }
}

function newLinkId(): string {
  return `lnk_${randomBytes(9).toString('base64url')}`
}

/** Which tracker issues each request follows (migration 030). */
export class RequestLinksStore {
  constructor(private readonly db: Db) {}

  async list(projectId: string, requestId: string): Promise<RequestLink[]> {
    const rows = await this.db.query<RequestLinkRow>(
      `SELECT ${COLUMNS} FROM request_links WHERE project_id = $1 AND request_id = $2
       ORDER BY created_at, id`,
      [projectId, requestId],
    )
    return rows.map(toLink)
  }

  /** Links the issue; the link already there when the request follows that issue already. */
  async add(input: {
    projectId: string
    requestId: string
    kind: TrackerKind
    issueKey: string
    url: string
    now: number
  }): Promise<{ link: RequestLink; created: boolean }> {
    const [row] = await this.db.query<RequestLinkRow>(
      `INSERT INTO request_links (id, project_id, request_id, kind, issue_key, url, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (request_id, kind, issue_key) DO NOTHING RETURNING ${COLUMNS}`,
      [
        newLinkId(),
        input.projectId,
        input.requestId,
        input.kind,
        input.issueKey,
        input.url,
        new Date(input.now),
      ],
    )
    if (row) return { link: toLink(row), created: true }
    const [existing] = await this.db.query<RequestLinkRow>(
      `SELECT ${COLUMNS} FROM request_links WHERE request_id = $1 AND kind = $2 AND issue_key = $3`,
      [input.requestId, input.kind, input.issueKey],
    )
    if (!existing) throw new Error('request link neither inserted nor found')
    return { link: toLink(existing), created: false }
  }

  /** The removed link, or null when the request has no such link. */
  async remove(projectId: string, requestId: string, linkId: string): Promise<RequestLink | null> {
    const [row] = await this.db.query<RequestLinkRow>(
      `DELETE FROM request_links WHERE project_id = $1 AND request_id = $2 AND id = $3
       RETURNING ${COLUMNS}`,
      [projectId, requestId, linkId],
    )
    return row ? toLink(row) : null
  }

  /** The requests of the project that follow the issue (an inbound event moves them). */
  async requestsLinkedTo(
    projectId: string,
    kind: TrackerKind,
    issueKey: string,
  ): Promise<string[]> {
    const rows = await this.db.query<{ request_id: string }>(
      `SELECT DISTINCT request_id FROM request_links
       WHERE project_id = $1 AND kind = $2 AND issue_key = $3 ORDER BY request_id`,
      [projectId, kind, issueKey],
    )
    return rows.map((row) => row.request_id)
  }
}
