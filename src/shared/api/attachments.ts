/** Images attached to requests, comments and changelog entries (spec/api.md v3 "Images"). */

/** The image types an upload may declare; the bytes must be that type (checked by magic number). */
export const ATTACHMENT_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
] as const
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number]

/** The most an upload may weigh: 5 MiB. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
/** The most attachmentIds one request, comment or changelog entry takes. */
export const ATTACHMENTS_MAX_PER_ITEM = 4

/**
 * An uploaded image, as every answer shows it. `url` is a path on the API's own server
 * (`/v1/projects/{pid}/attachments/{id}`): resolve it against the base URL the client calls.
 */
export interface Attachment {
  id: string
  url: string
  contentType: AttachmentContentType
  /** Size of the stored (re-encoded) image. */
  bytes: number
  width: number
  height: number
}

/** `POST /v1/projects/{pid}/attachments` and `POST /v1/admin/projects/{pid}/attachments`: 201. */
export interface AttachmentResponse {
  attachment: Attachment
}

/** The path an attachment is served at; also what the Markdown renderer recognises. */
export function attachmentPath(projectId: string, attachmentId: string): string {
  return `/v1/projects/${encodeURIComponent(projectId)}/attachments/${encodeURIComponent(attachmentId)}`
}
