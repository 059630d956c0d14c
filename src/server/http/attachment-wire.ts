import { type Attachment, attachmentPath } from '../../shared/api/attachments'
import type { AttachmentRef } from '../store/attachment-rows'

/** An attachment as every answer shows it: where to GET it, its type, size and dimensions. */
export function toAttachment(ref: AttachmentRef): Attachment {
  return {
    id: ref.id,
    url: attachmentPath(ref.projectId, ref.id),
    contentType: ref.contentType,
    bytes: ref.bytes,
    width: ref.width,
    height: ref.height,
  }
}
