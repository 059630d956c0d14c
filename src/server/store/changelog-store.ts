import { randomBytes } from 'node:crypto'
import type { MarkdownNode } from '../../shared/markdown-nodes'
import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

/** The public changelog answers at most this many entries, newest first. */
export const PUBLIC_CHANGELOG_LIMIT = 50

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
}

export interface ChangelogChanges {
  title?: string
  body?: string
  /** The body's node tree as JSON, parsed by the caller; given with every body. */
  bodyNodes?: string
  requestIds?: string[]
  /** true publishes (keeping the first publishing time); false turns the entry back into a draft. */
  publish?: boolean
}

/** What one write shipped, handed to the caller inside the transaction that did it. */
export interface ShippedChange {
  entry: ChangelogEntryRecord
  /** The entry went from draft to published with this write. */
  newlyPublished: boolean
  /** Linked requests this write shipped: all of them on publishing, new links afterwards. */
  shippedRequestIds: string[]
  /** Those of them whose status this write changed to done. */
  newlyDoneRequestIds: string[]
}

/** Called inside the publishing transaction: what it writes commits (or rolls back) with it. */
export type OnShipped = (tx: SqlExecutor, change: ShippedChange) => Promise<void>

/** Called inside an edit's transaction with the entry as it now stands (the audit line). */
export type OnEdited = (
  tx: SqlExecutor,
  edit: { entry: ChangelogEntryRecord; wasPublished: boolean },
) => Promise<void>

/** Called inside a deletion's transaction with what the entry was. */
export type OnDeleted = (
  tx: SqlExecutor,
  deleted: { id: string; title: string; wasPublished: boolean },
) => Promise<void>

/** requestIds named requests this project does not have. */
export class UnknownRequestsError extends Error {
  constructor(readonly requestIds: string[]) {
    super(`Unknown requests: ${requestIds.join(', ')}`)
    this.name = 'UnknownRequestsError'
  }
}

interface EntryRow {
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
}

export function newChangelogEntryId(): string {
  return `c_${randomBytes(9).toString('base64url')}`
}

export class ChangelogStore {
  constructor(private readonly db: Db) {}

  async create(
    input: {
      projectId: string
      title: string
      body: string
      /** The body's node tree as JSON; null leaves it to be parsed on read. */
      bodyNodes: string | null
      requestIds: string[]
      publish: boolean
    },
    now: number,
    onShipped: OnShipped,
  ): Promise<ChangelogEntryRecord> {
    return this.db.transaction(async (tx) => {
      const id = newChangelogEntryId()
      await tx.query(
        `INSERT INTO changelog_entries (id, project_id, title, body, body_nodes, published_at,
                                        created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, NULL, $6, $6)`,
        [id, input.projectId, input.title, input.body, input.bodyNodes, new Date(now)],
      )
      return this.applyChanges(
        tx,
        input.projectId,
        id,
        { requestIds: input.requestIds, publish: input.publish },
        now,
        onShipped,
        false,
      )
    })
  }

  /** null when the project has no such entry. */
  async update(
    projectId: string,
    id: string,
    changes: ChangelogChanges,
    now: number,
    onShipped: OnShipped,
    onEdited?: OnEdited,
  ): Promise<ChangelogEntryRecord | null> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx.query<{ published: boolean }>(
        `SELECT published_at IS NOT NULL AS published FROM changelog_entries
          WHERE project_id = $1 AND id = $2 FOR UPDATE`,
        [projectId, id],
      )
      if (!locked) return null
      await tx.query(
        `UPDATE changelog_entries SET title = coalesce($3, title), body = coalesce($4, body),
                body_nodes = CASE WHEN $4::text IS NULL THEN body_nodes ELSE $6 END,
                updated_at = $5
          WHERE project_id = $1 AND id = $2`,
        [
          projectId,
          id,
          changes.title ?? null,
          changes.body ?? null,
          new Date(now),
          changes.bodyNodes ?? null,
        ],
      )
      const entry = await this.applyChanges(
        tx,
        projectId,
        id,
        changes,
        now,
        onShipped,
        locked.published,
      )
      if (onEdited) await onEdited(tx, { entry, wasPublished: locked.published })
      return entry
    })
  }

  async delete(projectId: string, id: string, onDeleted?: OnDeleted): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string; title: string; published: boolean }>(
        `DELETE FROM changelog_entries WHERE project_id = $1 AND id = $2
         RETURNING id, title, published_at IS NOT NULL AS published`,
        [projectId, id],
      )
      if (!row) return false
      if (onDeleted) {
        await onDeleted(tx, { id: row.id, title: row.title, wasPublished: row.published })
      }
      return true
    })
  }

  async find(projectId: string, id: string, executor: SqlExecutor = this.db) {
    const rows = await executor.query<EntryRow>(
      'SELECT * FROM changelog_entries WHERE project_id = $1 AND id = $2',
      [projectId, id],
    )
    const [entry] = await withLinks(executor, rows)
    return entry ?? null
  }

  /** Every entry, drafts included, for the dashboard: drafts first, then newest published. */
  async listAll(projectId: string): Promise<ChangelogEntryRecord[]> {
    const rows = await this.db.query<EntryRow>(
      `SELECT * FROM changelog_entries WHERE project_id = $1
        ORDER BY published_at DESC NULLS FIRST, created_at DESC, id`,
      [projectId],
    )
    return withLinks(this.db, rows)
  }

  /** Published entries only, newest first. */
  async listPublished(
    projectId: string,
    limit = PUBLIC_CHANGELOG_LIMIT,
  ): Promise<ChangelogEntryRecord[]> {
    const rows = await this.db.query<EntryRow>(
      `SELECT * FROM changelog_entries WHERE project_id = $1 AND published_at IS NOT NULL
        ORDER BY published_at DESC, id LIMIT $2`,
      [projectId, limit],
    )
    return withLinks(this.db, rows)
  }

  /**
   * Replaces the links and publishes or unpublishes as asked; then every request linked to a
   * published entry is done, and onShipped hears what this write shipped.
   */
  private async applyChanges(
    tx: SqlExecutor,
    projectId: string,
    id: string,
    changes: ChangelogChanges,
    now: number,
    onShipped: OnShipped,
    wasPublished: boolean,
  ): Promise<ChangelogEntryRecord> {
    const before = new Set(await linkedIds(tx, id))
    if (changes.requestIds !== undefined) {
      const ids = await resolveRequestIds(tx, projectId, changes.requestIds)
      await tx.query('DELETE FROM changelog_requests WHERE entry_id = $1', [id])
      await tx.query(
        `INSERT INTO changelog_requests (entry_id, request_id, position)
         SELECT $1, value, ordinality FROM jsonb_array_elements_text($2::jsonb) WITH ORDINALITY`,
        [id, JSON.stringify(ids)],
      )
    }
    if (changes.publish === true && !wasPublished) {
      await tx.query('UPDATE changelog_entries SET published_at = $2 WHERE id = $1', [
        id,
        new Date(now),
      ])
    } else if (changes.publish === false && wasPublished) {
      await tx.query('UPDATE changelog_entries SET published_at = NULL WHERE id = $1', [id])
    }
    const published = changes.publish ?? wasPublished
    const linked = await linkedIds(tx, id)
    const entry = await this.find(projectId, id, tx)
    if (!entry) throw new Error('changelog entry vanished inside its transaction')
    if (!published) return entry

    const newlyPublished = !wasPublished
    const shipped = newlyPublished ? linked : linked.filter((requestId) => !before.has(requestId))
    if (shipped.length === 0 && !newlyPublished) return entry
    const done = await tx.query<{ id: string }>(
      `UPDATE requests SET status = 'done', status_changed_at = $3, updated_at = $3
        WHERE project_id = $1 AND status <> 'done' AND merged_into IS NULL
          AND id IN (SELECT jsonb_array_elements_text($2::jsonb))
        RETURNING id`,
      [projectId, JSON.stringify(shipped), new Date(now)],
    )
    const doneIds = new Set(done.map((row) => row.id))
    const shippedEntry = await this.find(projectId, id, tx)
    const change: ShippedChange = {
      entry: shippedEntry ?? entry,
      newlyPublished,
      shippedRequestIds: shipped,
      newlyDoneRequestIds: shipped.filter((requestId) => doneIds.has(requestId)),
    }
    await onShipped(tx, change)
    return change.entry
  }
}

/**
 * The ids as stored links: a request merged into another links its target; duplicates keep
 * their first place. Throws UnknownRequestsError for ids the project does not have.
 */
async function resolveRequestIds(
  tx: SqlExecutor,
  projectId: string,
  requestIds: string[],
): Promise<string[]> {
  if (requestIds.length === 0) return []
  const rows = await tx.query<{ id: string; target: string }>(
    `SELECT id, coalesce(merged_into, id) AS target FROM requests
      WHERE project_id = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [projectId, JSON.stringify(requestIds)],
  )
  const targets = new Map(rows.map((row) => [row.id, row.target]))
  const unknown = requestIds.filter((requestId) => !targets.has(requestId))
  if (unknown.length) throw new UnknownRequestsError(unknown)
  return [...new Set(requestIds.map((requestId) => targets.get(requestId) as string))]
}

async function linkedIds(tx: SqlExecutor, entryId: string): Promise<string[]> {
  const rows = await tx.query<{ request_id: string }>(
    'SELECT request_id FROM changelog_requests WHERE entry_id = $1 ORDER BY position',
    [entryId],
  )
  return rows.map((row) => row.request_id)
}

async function withLinks(executor: SqlExecutor, rows: EntryRow[]): Promise<ChangelogEntryRecord[]> {
  if (rows.length === 0) return []
  const links = await executor.query<LinkRow>(
    `SELECT l.entry_id, l.request_id, r.title, r.status, r.merged_into
       FROM changelog_requests l JOIN requests r ON r.id = l.request_id
      WHERE l.entry_id IN (SELECT jsonb_array_elements_text($1::jsonb))
      ORDER BY l.entry_id, l.position`,
    [JSON.stringify(rows.map((row) => row.id))],
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
        .filter((link) => link.merged_into === null)
        .map((link) => ({ id: link.request_id, title: link.title, status: link.status })),
      publishedAt: row.published_at === null ? null : toIso(row.published_at),
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
    }
  })
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
