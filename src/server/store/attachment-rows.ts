import type { AttachmentContentType } from '../../shared/api/attachments'

/** What a request, comment or changelog entry carries about each of its images (no bytes). */
export interface AttachmentRef {
  id: string
  projectId: string
  contentType: AttachmentContentType
  bytes: number
  width: number
  height: number
}

/** The JSON object of one attachment row `a`, as AttachmentRef reads it. */
const ATTACHMENT_JSON = `json_build_object('id', a.id, 'projectId', a.project_id,
  'contentType', a.content_type, 'bytes', a.byte_size, 'width', a.width, 'height', a.height)`

/**
 * A column of the attachments of `owner` (e.g. `r.id` for the request `r`) as a JSON list in
 * their order, or NULL when there are none: read live, so one that is gone is never answered.
 */
export function attachmentsColumn(
  link: 'request_id' | 'comment_id' | 'changelog_entry_id',
  owner: string,
): string {
  return `(SELECT json_agg(${ATTACHMENT_JSON} ORDER BY a.position, a.id)
             FROM attachments a WHERE a.${link} = ${owner}) AS attachments`
}

/** The column above read back (the drivers give JSON parsed, or as text). */
export function toAttachmentRefs(value: unknown): AttachmentRef[] {
  if (value === null || value === undefined) return []
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value
  return Array.isArray(list) ? (list as AttachmentRef[]) : []
}
