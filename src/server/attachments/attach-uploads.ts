import * as v from 'valibot'
import { ATTACHMENTS_MAX_PER_ITEM } from '../../shared/api/attachments'
import { invalid } from '../errors'
import type { UnitOfWork } from '../events/commit'
import type { AttachmentRef, AttachmentTarget } from '../store/attachments-store'

/** `attachmentIds` of a request, comment or changelog entry: at most 4 upload ids. */
export const AttachmentIdsSchema = v.pipe(
  v.array(
    v.pipe(
      v.string('attachmentIds must be attachment ids'),
      v.minLength(1, 'attachmentIds must be attachment ids'),
      v.maxLength(64, 'attachmentIds must be attachment ids'),
    ),
    'attachmentIds must be an array of attachment ids',
  ),
  v.maxLength(
    ATTACHMENTS_MAX_PER_ITEM,
    `at most ${ATTACHMENTS_MAX_PER_ITEM} attachmentIds per request, comment or entry`,
  ),
)

/**
 * Attaches the uploads `ids` to `target` inside the write's transaction, replacing what it had.
 * The public may attach only their own uploads that are attached to nothing yet
 * (`uploaderVoter`); the team any such upload of the project. Anything else is
 * `400 validation_failed` on `attachmentIds`, and the whole write rolls back.
 */
export async function attachUploads(
  w: UnitOfWork,
  input: { projectId: string; target: AttachmentTarget; ids: string[]; uploaderVoter?: string },
): Promise<AttachmentRef[]> {
  const attached = await w.store.attachments.attach({ ...input, ids: [...new Set(input.ids)] })
  if (attached === null) {
    throw invalid(
      'attachmentIds',
      input.uploaderVoter === undefined
        ? "attachmentIds must name this project's uploads that are not attached elsewhere."
        : 'attachmentIds must name your own uploads that are not attached to anything yet.',
    )
  }
  return attached
}
