import { PENDING_STATUS } from '../../../shared/api'
import type { UnitOfWork } from '../../events/commit'
import { applyRequestEdit } from '../../routes/apply-request-edit'
import type { InboundChange, TrackerKind } from './issue-tracker'

/**
 * Moves every request linked to the issue to the status the tracker's event asks for, each
 * through applyRequestEdit, the path an admin's status change takes: the same event (emails,
 * widget updates, webhooks, Slack follow it) and audit lines whose actor is the tracker
 * ("github"). A link on a request merged into another moves the one it stands in now; deleted
 * and pending requests, and those already there, are left as they are. Answers how many moved.
 */
export async function moveLinkedRequests(
  w: UnitOfWork,
  input: { projectId: string; kind: TrackerKind; change: InboundChange },
): Promise<number> {
  const { projectId, kind, change } = input
  const linked = await w.store.requestLinks.requestsLinkedTo(projectId, kind, change.issueKey)
  const moved = new Set<string>()
  for (const requestId of linked) {
    const request = await w.store.requests.findStanding(projectId, requestId, null)
    if (!request || moved.has(request.id)) continue
    if (request.deletedAt || request.status === PENDING_STATUS) continue
    if (request.status === change.status) continue
    await applyRequestEdit(w, {
      projectId,
      requestId: request.id,
      edit: { status: change.status },
      teamMemberEmail: null,
      actor: kind,
    })
    moved.add(request.id)
  }
  return moved.size
}
