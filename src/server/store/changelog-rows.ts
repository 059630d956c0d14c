import type { MarkdownNode } from '../../shared/markdown-nodes'
import { type AttachmentRef, toAttachmentRefs } from './attachment-rows'
import type { SqlExecutor } from './db'
import { toIso } from './rows'

/** Changelog rows, and how entries become records with their linked requests. */

/** A linked request as an entry shows it. */
export interface LinkedRequest {
  id: string
  title: string
  status: string
}

export interface ChangelogEntryRecord {
  id: string
  projectId: string
  title: string
  body: string
  /** The body parsed when it was written; null for rows from before that (parse on read). */
  bodyNodes: MarkdownNode[] | null
  /** The linked requests in the order they were linked (merged ones included, for the admin). */
  requestIds: string[]
  /** Linked requests that still stand (not merged away), in link order. */
  requests: LinkedRequest[]
  /** null while a draft. */
  publishedAt: string | null
  createdAt: string
  updatedAt: string
  /** Its images, in order (spec/api.md v3 "Images"). */
  attachments: AttachmentRef[]
}

export interface EntryRow {
  id: string
  project_id: string
  title: string
  body: string
  body_nodes: string | null
  published_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

interface LinkRow {
  entry_id: string
  request_id: string
  title: string
  status: string
  merged_into: string | null
  /** v3 moderation: a deleted or pending request is not shown with the entry. */
  deleted_at: Date | string | null
}

/** The rows as records, each with its links in link order (one query for all of them). */
export async function withLinks(
  executor: SqlExecutor,
  rows: EntryRow[],
): Promise<ChangelogEntryRecord[]> {
  if (rows.length === 0) return []
  const links = await executor.query<LinkRow>(
    `SELECT l.entry_id, l.request_id, r.title, r.status, r.merged_into, r.deleted_at
       FROM changelog_requests l JOIN requests r ON r.id = l.request_id
      WHERE l.entry_id IN (SELECT jsonb_array_elements_text($1::jsonb))
      ORDER BY l.entry_id, l.position`,
    [JSON.stringify(rows.map((row) => row.id))],
  )
  const images = await attachmentsOfEntries(
    executor,
    rows.map((row) => row.id),
  )
  return rows.map((row) => {
    const own = links.filter((link) => link.entry_id === row.id)
    return {
      id: row.id,
      projectId: row.project_id,
      title: row.title,
      body: row.body,
      bodyNodes: storedNodes(row.body_nodes),
      requestIds: own.map((link) => link.request_id),
      requests: own
        .filter(
          (link) =>
            link.merged_into === null && link.deleted_at === null && link.status !== 'pending',
        )
        .map((link) => ({ id: link.request_id, title: link.title, status: link.status })),
      publishedAt: row.published_at === null ? null : toIso(row.published_at),
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
      attachments: images.get(row.id) ?? [],
    }
  })
}

/** The entries' images by entry, in order (one query for all of them). */
async function attachmentsOfEntries(
  executor: SqlExecutor,
  entryIds: string[],
): Promise<Map<string, AttachmentRef[]>> {
  const rows = await executor.query<{ entry_id: string; attachments: unknown }>(
    `SELECT a.changelog_entry_id AS entry_id,
            json_agg(json_build_object('id', a.id, 'projectId', a.project_id,
              'contentType', a.content_type, 'bytes', a.byte_size, 'width', a.width,
              'height', a.height) ORDER BY a.position, a.id) AS attachments
       FROM attachments a WHERE a.changelog_entry_id = ANY($1::text[])
      GROUP BY a.changelog_entry_id`,
    [entryIds],
  )
  return new Map(rows.map((row) => [row.entry_id, toAttachmentRefs(row.attachments)]))
}

/** The stored tree, or null when there is none or it is not a list (then the body is parsed). */
function storedNodes(json: string | null): MarkdownNode[] | null {
  if (json === null) return null
  try {
    const nodes: unknown = JSON.parse(json)
    return Array.isArray(nodes) ? (nodes as MarkdownNode[]) : null
  } catch {
    return null
  }
}
