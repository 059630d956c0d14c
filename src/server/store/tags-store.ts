import { randomBytes } from 'node:crypto'
import { type RequestTag, TAGS_PER_PROJECT_MAX } from '../../shared/api'
import type { Db, SqlExecutor } from './db'

/** Why a tag was not written: its name is taken in the project, or the project holds its most. */
export type TagRefusal = 'duplicate' | 'full'

/** What a change of a request's tags did: what it added and took off, each by name. */
export interface RequestTagsChange {
  added: RequestTag[]
  removed: RequestTag[]
}

const COLUMNS = 'id, name, color'
const BY_NAME = 'lower(name), id'

function newTagId(): string {
  return `tag_${randomBytes(9).toString('base64url')}`
}

/** The error a save gets when another tag of the project took the name first (a race). */
export function isTagNameTaken(error: unknown): boolean {
  const { code, constraint, message } = (error ?? {}) as Record<string, unknown>
  return (
    code === '23505' &&
    (constraint === 'tags_name_per_project' ||
      (typeof message === 'string' && message.includes('tags_name_per_project')))
  )
}

/**
 * A project's tags and which requests carry them (spec/api.md v3 "Tags"). Requests read their
 * own tags through REQUEST_COLUMNS (request-tags-column.ts); this store writes them.
 */
export class TagsStore {
  constructor(private readonly db: Db) {}

  list(projectId: string): Promise<RequestTag[]> {
    return this.db.query<RequestTag>(
      `SELECT ${COLUMNS} FROM tags WHERE project_id = $1 ORDER BY ${BY_NAME}`,
      [projectId],
    )
  }

  async create(input: {
    projectId: string
    name: string
    color: string
    now: number
  }): Promise<RequestTag | TagRefusal> {
    return this.db.transaction(async (tx) => {
      // One project's creations in turn, so that two at once cannot both pass the count.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tags/${input.projectId}`])
      const [held] = await tx.query<{ count: number | string }>(
        'SELECT count(*) AS count FROM tags WHERE project_id = $1',
        [input.projectId],
      )
      if (Number(held?.count) >= TAGS_PER_PROJECT_MAX) return 'full'
      const [row] = await tx.query<RequestTag>(
        `INSERT INTO tags (id, project_id, name, color, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
        [newTagId(), input.projectId, input.name, input.color, new Date(input.now)],
      )
      return row ?? 'duplicate'
    })
  }

  /** Renames or recolours; null when the project has no such tag. */
  async update(
    projectId: string,
    tagId: string,
    changes: { name?: string; color?: string },
  ): Promise<{ before: RequestTag; after: RequestTag } | 'duplicate' | null> {
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query<RequestTag>(
        `SELECT ${COLUMNS} FROM tags WHERE project_id = $1 AND id = $2 FOR UPDATE`,
        [projectId, tagId],
      )
      if (!before) return null
      if (changes.name !== undefined && (await nameTaken(tx, projectId, changes.name, tagId))) {
        return 'duplicate'
      }
      const [after] = await tx.query<RequestTag>(
        `UPDATE tags SET name = coalesce($3, name), color = coalesce($4, color)
          WHERE project_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [projectId, tagId, changes.name ?? null, changes.color ?? null],
      )
      if (!after) return null
      return { before, after }
    })
  }

  /** Deletes the tag and takes it off every request; answers it and how many requests had it. */
  async remove(
    projectId: string,
    tagId: string,
  ): Promise<{ tag: RequestTag; requests: number } | null> {
    return this.db.transaction(async (tx) => {
      const [tag] = await tx.query<RequestTag>(
        `SELECT ${COLUMNS} FROM tags WHERE project_id = $1 AND id = $2 FOR UPDATE`,
        [projectId, tagId],
      )
      if (!tag) return null
      const [tagged] = await tx.query<{ count: number | string }>(
        'SELECT count(*) AS count FROM request_tags WHERE tag_id = $1',
        [tagId],
      )
      await tx.query('DELETE FROM tags WHERE id = $1', [tagId])
      return { tag, requests: Number(tagged?.count ?? 0) }
    })
  }

  /** The ids among `tagIds` that are not tags of this project (another project's, or none). */
  async unknownIds(projectId: string, tagIds: readonly string[]): Promise<string[]> {
    if (tagIds.length === 0) return []
    const rows = await this.db.query<{ id: string }>(
      'SELECT id FROM tags WHERE project_id = $1 AND id = ANY($2::text[])',
      [projectId, [...tagIds]],
    )
    const known = new Set(rows.map((row) => row.id))
    return tagIds.filter((id) => !known.has(id))
  }

  /**
   * Makes `tagIds` (all of this project: see unknownIds) the request's tags, exactly. Null when
   * the project has no such request standing on its own.
   */
  async setRequestTags(
    projectId: string,
    requestId: string,
    tagIds: readonly string[],
  ): Promise<RequestTagsChange | null> {
    return this.db.transaction(async (tx) => {
      const [request] = await tx.query<{ id: string }>(
        `SELECT id FROM requests WHERE project_id = $1 AND id = $2 AND merged_into IS NULL
            FOR UPDATE`,
        [projectId, requestId],
      )
      if (!request) return null
      const removed = await tx.query<RequestTag>(
        `DELETE FROM request_tags rt USING tags t
          WHERE rt.request_id = $1 AND t.id = rt.tag_id AND NOT (rt.tag_id = ANY($2::text[]))
          RETURNING t.id, t.name, t.color`,
        [requestId, [...tagIds]],
      )
      const added = await tx.query<RequestTag>(
        `WITH inserted AS (
           INSERT INTO request_tags (request_id, tag_id)
           SELECT $1, t.id FROM tags t WHERE t.project_id = $2 AND t.id = ANY($3::text[])
           ON CONFLICT DO NOTHING RETURNING tag_id
         )
         SELECT t.id, t.name, t.color FROM inserted JOIN tags t ON t.id = inserted.tag_id`,
        [requestId, projectId, [...tagIds]],
      )
      return { added: byName(added), removed: byName(removed) }
    })
  }
}

async function nameTaken(
  tx: SqlExecutor,
  projectId: string,
  name: string,
  exceptId: string,
): Promise<boolean> {
  const rows = await tx.query(
    'SELECT 1 FROM tags WHERE project_id = $1 AND lower(name) = lower($2) AND id <> $3',
    [projectId, name, exceptId],
  )
  return rows.length > 0
}

function byName(tags: RequestTag[]): RequestTag[] {
  return [...tags].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
}
