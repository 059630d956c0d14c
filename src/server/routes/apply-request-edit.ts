import { PENDING_STATUS } from '../../shared/api'
import { conflict, notFound } from '../errors'
import { requestUpdated } from '../events/build'
import type { UnitOfWork } from '../events/commit'

/** What a PATCH may edit on a request, as stored: a note of null clears it. */
export interface RequestEdit {
  status?: string
  title?: string
  statusNote?: string | null
}

export const EDITED_FIELDS = ['status', 'title', 'statusNote'] as const

/**
 * Stores the edit, tells people only of what really changed, and audits every field sent. The
 * one path of a status change, whoever makes it (an admin's PATCH, a linked tracker issue that
 * closed): what follows one (emails, widget updates, webhooks, Slack) follows the event it emits.
 * `actor` names who made it in the audit log when the caller is not the route's (e.g. "github").
 */
export async function applyRequestEdit(
  w: UnitOfWork,
  input: {
    projectId: string
    requestId: string
    edit: RequestEdit
    teamMemberEmail: string | null
    actor?: string
  },
): Promise<void> {
  const { projectId, requestId, edit } = input
  const before = await w.store.requests.update(projectId, requestId, edit, w.now)
  if (!before) throw notFound.request()
  // Approving is what tells people of a pending request (admin-moderation.ts), not a status.
  if (before.status === PENDING_STATUS && edit.status !== undefined) {
    throw conflict('This request waits for approval: approve it (or delete it) first.')
  }
  const event = requestUpdated({ projectId, id: requestId }, before, edit, input.teamMemberEmail)
  if (event) await w.emit(event)
  for (const field of EDITED_FIELDS) {
    if (edit[field] === undefined) continue
    // The old value too, so the audit log reads "from Planned to Done" (the note's is not read).
    const from = field === 'statusNote' ? {} : { from: before[field] }
    await w.audit({
      action: `request.${field}`,
      target: requestId,
      detail: { [field]: edit[field], ...from },
      ...(input.actor === undefined ? {} : { actor: input.actor }),
    })
  }
}
