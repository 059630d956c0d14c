import { randomBytes } from 'node:crypto'
import type { AttachmentContentType } from '../../shared/api/attachments'
import type { AttachmentRef } from './attachment-rows'
import type { Db } from './db'

export type { AttachmentRef } from './attachment-rows'

/** Who uploaded: someone of the public (their voter key) or the team (who, for the record). */
export type AttachmentUploader = { voter: string } | { member: string }

/** What an attachment can be attached to: the column naming it. */
export type AttachmentTarget =
  | { kind: 'request'; id: string }
  | { kind: 'comment'; id: string }
  | { kind: 'changelog_entry'; id: string }

/** The image as served: its bytes and type. */
export interface StoredImage {
  contentType: AttachmentContentType
  data: Uint8Array
}

const TARGET_COLUMN = {
  request: 'request_id',
  comment: 'comment_id',
  changelog_entry: 'changelog_entry_id',
} as const

const UNATTACHED = 'request_id IS NULL AND comment_id IS NULL AND changelog_entry_id IS NULL'

export function newAttachmentId(): string {
  return `att_${randomBytes(12).toString('base64url')}`
}

/** Uploaded images: their bytes, who sent them and what they are attached to. */
export class AttachmentsStore {
  constructor(private readonly db: Db) {}

  async create(input: {
    projectId: string
    uploader: AttachmentUploader
    contentType: AttachmentContentType
    data: Uint8Array
    width: number
    height: number
    now: number
  }): Promise<AttachmentRef> {
    const id = newAttachmentId()
    await this.db.query(
      `INSERT INTO attachments (id, project_id, uploader_voter, uploader_member, content_type,
                                byte_size, width, height, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        input.projectId,
        'voter' in input.uploader ? input.uploader.voter : null,
        'member' in input.uploader ? input.uploader.member : null,
        input.contentType,
        input.data.byteLength,
        input.width,
        input.height,
        input.data,
        new Date(input.now),
      ],
    )
    return {
      id,
      projectId: input.projectId,
      contentType: input.contentType,
      bytes: input.data.byteLength,
      width: input.width,
      height: input.height,
    }
  }

  /** The bytes to serve, or null when the project has no such attachment. */
  /**
   * The bytes to serve, or null. An image goes dark with what it is attached to: a request the
   * team deleted (spam, v3 moderation), a comment the team hid, or a comment on a deleted
   * request stops serving its images at once, though the row stays for a restore or an unhide.
   */
  async image(projectId: string, id: string): Promise<StoredImage | null> {
    const [row] = await this.db.query<{ content_type: AttachmentContentType; data: Uint8Array }>(
      `SELECT a.content_type, a.data FROM attachments a
         LEFT JOIN requests r ON r.id = a.request_id
         LEFT JOIN comments c ON c.id = a.comment_id
         LEFT JOIN requests cr ON cr.id = c.request_id
        WHERE a.project_id = $1 AND a.id = $2
          AND r.deleted_at IS NULL AND cr.deleted_at IS NULL AND c.hidden IS NOT TRUE`,
      [projectId, id],
    )
    return row ? { contentType: row.content_type, data: toBytes(row.data) } : null
  }

  /**
   * Attaches `ids` (in that order) to `target`, replacing what it had: those it had and no
   * longer lists are let go (unattached again, so swept in their turn). Only the project's
   * unattached uploads (or the target's own) may be taken, and for the public only the
   * caller's own (`uploaderVoter`); null when an id is not one of those (the caller answers 400
   * and its transaction rolls back).
   */
  async attach(input: {
    projectId: string
    target: AttachmentTarget
    ids: string[]
    /** The public caller's voter key; undefined for the team (any upload of the project). */
    uploaderVoter?: string
  }): Promise<AttachmentRef[] | null> {
    const column = TARGET_COLUMN[input.target.kind]
    await this.db.query(
      `UPDATE attachments SET ${column} = NULL, position = 0
        WHERE ${column} = $1 AND NOT (id = ANY($2::text[]))`,
      [input.target.id, input.ids],
    )
    if (input.ids.length === 0) return []
    const taken = await this.db.query<{ id: string }>(
      `UPDATE attachments a SET ${column} = $2, position = t.ordinality
         FROM unnest($3::text[]) WITH ORDINALITY AS t(id, ordinality)
        WHERE a.id = t.id AND a.project_id = $1
          AND (${UNATTACHED} OR a.${column} = $2)
          AND ($4::text IS NULL OR a.uploader_voter = $4)
        RETURNING a.id`,
      [input.projectId, input.target.id, input.ids, input.uploaderVoter ?? null],
    )
    if (taken.length !== new Set(input.ids).size) return null
    return this.ofTarget(input.target)
  }

  /** The target's attachments in order. */
  async ofTarget(target: AttachmentTarget): Promise<AttachmentRef[]> {
    const column = TARGET_COLUMN[target.kind]
    const rows = await this.db.query<{
      id: string
      project_id: string
      content_type: AttachmentContentType
      byte_size: number
      width: number
      height: number
    }>(
      `SELECT id, project_id, content_type, byte_size, width, height FROM attachments
        WHERE ${column} = $1 ORDER BY position, id`,
      [target.id],
    )
    return rows.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      contentType: row.content_type,
      bytes: Number(row.byte_size),
      width: Number(row.width),
      height: Number(row.height),
    }))
  }

  /** Deletes uploads attached to nothing that were made before `before` (ms); answers how many. */
  async sweepUnattached(before: number): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM attachments WHERE ${UNATTACHED} AND created_at < $1 RETURNING id`,
      [new Date(before)],
    )
    return rows.length
  }
}

/** pg gives a Buffer, PGlite a Uint8Array: both are bytes. */
function toBytes(value: Uint8Array): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array(value)
}
