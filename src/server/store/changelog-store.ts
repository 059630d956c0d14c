import { randomBytes } from 'node:crypto'
import { type ShippingAudience, shippingAudience } from './changelog-audience'
import { type ChangelogEntryRecord, type EntryRow, withLinks } from './changelog-rows'
import type { Db, SqlExecutor } from './db'

/** The public changelog answers at most this many entries, newest first. */
export const PUBLIC_CHANGELOG_LIMIT = 50

export type { ChangelogEntryRecord, LinkedRequest } from './changelog-rows'

export interface ChangelogChanges {
  title?: string
  body?: string
  /** The body's node tree as JSON, parsed by the caller; given with every body. */
  bodyNodes?: string
  requestIds?: string[]
  /** true publishes (keeping the first publishing time); false turns the entry back into a draft. */
  publish?: boolean
}

/** What one write shipped: the caller audits it and tells people, in the same transaction. */
export interface ShippedChange {
  entry: ChangelogEntryRecord
  /** The entry went from draft to published with this write. */
  newlyPublished: boolean
  /** Linked requests this write shipped: all of them on publishing, new links afterwards. */
  shippedRequestIds: string[]
  /** Those of them whose status this write changed to done. */
  newlyDoneRequestIds: string[]
  /** Those newly done whose old status note ("Planned for Q1…") this write cleared. */
  clearedNoteRequestIds: string[]
}

/** What a create or update did: the entry as it now stands, and what it shipped. */
export interface ChangelogWrite {
  entry: ChangelogEntryRecord
  /** Published before this write (people may have read what it changed). */
  wasPublished: boolean
  /** null when the write shipped nothing: a draft, or an edit without new links. */
  shipped: ShippedChange | null
}

/** What a deletion removed. */
export interface DeletedEntry {
  id: string
  title: string
  wasPublished: boolean
}

/** requestIds named requests this project does not have. */
export class UnknownRequestsError extends Error {
  constructor(readonly requestIds: string[]) {
    super(`Unknown requests: ${requestIds.join(', ')}`)
    this.name = 'UnknownRequestsError'
  }
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
  ): Promise<ChangelogWrite> {
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
  ): Promise<ChangelogWrite | null> {
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
      return this.applyChanges(tx, projectId, id, changes, now, locked.published)
    })
  }

  /** null when the project has no such entry. */
  async delete(projectId: string, id: string): Promise<DeletedEntry | null> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string; title: string; published: boolean }>(
        `DELETE FROM changelog_entries WHERE project_id = $1 AND id = $2
         RETURNING id, title, published_at IS NOT NULL AS published`,
        [projectId, id],
      )
      return row ? { id: row.id, title: row.title, wasPublished: row.published } : null
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

  /**
   * Who publishing would tell about these requests (merged ones count as the request they went
   * into). Throws UnknownRequestsError, as a write would, for ids the project does not have.
   */
  async audienceOf(projectId: string, requestIds: string[]): Promise<ShippingAudience> {
    const standing = await resolveRequestIds(this.db, projectId, requestIds)
    return shippingAudience(this.db, projectId, standing)
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
   * published entry is done, and the answer says what this write shipped.
   */
  private async applyChanges(
    tx: SqlExecutor,
    projectId: string,
    id: string,
    changes: ChangelogChanges,
    now: number,
    wasPublished: boolean,
  ): Promise<ChangelogWrite> {
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
    if (!published) return { entry, wasPublished, shipped: null }

    const newlyPublished = !wasPublished
    const shipped = newlyPublished ? linked : linked.filter((requestId) => !before.has(requestId))
    if (shipped.length === 0 && !newlyPublished) return { entry, wasPublished, shipped: null }
    const done = await markShippedDone(tx, projectId, shipped, now)
    const doneIds = new Set(done.map((row) => row.id))
    const shippedEntry = (await this.find(projectId, id, tx)) ?? entry
    return {
      entry: shippedEntry,
      wasPublished,
      shipped: {
        entry: shippedEntry,
        newlyPublished,
        shippedRequestIds: shipped,
        newlyDoneRequestIds: shipped.filter((requestId) => doneIds.has(requestId)),
        clearedNoteRequestIds: done.filter((row) => row.hadNote).map((row) => row.id),
      },
    }
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

/**
 * Moves the shipped requests that are not done yet to done. Their status note spoke of the old
 * status ("Planned for Q1…") and would sit under Done as if still true, so it goes in the same
 * statement; the changelog entry is now what people read. A request already done keeps its
 * note: the team wrote that one about shipping.
 */
async function markShippedDone(
  tx: SqlExecutor,
  projectId: string,
  requestIds: string[],
  now: number,
): Promise<Array<{ id: string; hadNote: boolean }>> {
  const rows = await tx.query<{ id: string; had_note: boolean }>(
    `UPDATE requests r SET status = 'done', status_note = NULL, status_changed_at = $3,
            updated_at = $3
       FROM (SELECT id, status_note FROM requests
              WHERE project_id = $1 AND status <> 'done' AND merged_into IS NULL
                AND deleted_at IS NULL AND status <> 'pending'
                AND id IN (SELECT jsonb_array_elements_text($2::jsonb))
              FOR UPDATE) before
      WHERE r.id = before.id
      RETURNING r.id, before.status_note IS NOT NULL AS had_note`,
    [projectId, JSON.stringify(requestIds), new Date(now)],
  )
  return rows.map((row) => ({ id: row.id, hadNote: row.had_note }))
}

async function linkedIds(tx: SqlExecutor, entryId: string): Promise<string[]> {
  const rows = await tx.query<{ request_id: string }>(
    'SELECT request_id FROM changelog_requests WHERE entry_id = $1 ORDER BY position',
    [entryId],
  )
  return rows.map((row) => row.request_id)
}
