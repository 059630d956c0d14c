import { useState } from 'preact/hooks'
import { RESTORE_DAYS } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { countOf } from '../format/plural'
import { ConfirmStep } from '../ui/confirm-step'
import { moderationClient } from './moderation-client'

/**
 * Deleting the backlog rows the owner ticked (spam arrives in bursts), asked first: one DELETE
 * per request, so one that fails leaves the rest deleted and is named.
 */
export function BulkDelete({
  client,
  projectId,
  selected,
  onDone,
}: {
  client: AdminClient
  projectId: string
  selected: string[]
  /** Which were deleted, and what to tell the owner. */
  onDone: (deleted: string[], notice: string) => void
}) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  if (selected.length === 0) return null
  const many = countOf(selected.length, 'request', 'requests')

  async function removeAll() {
    setBusy(true)
    const moderation = moderationClient(client)
    const deleted: string[] = []
    for (const requestId of selected) {
      if ((await moderation.remove(projectId, requestId)).ok) deleted.push(requestId)
    }
    setBusy(false)
    setAsking(false)
    const failed = selected.length - deleted.length
    onDone(
      deleted,
      failed > 0
        ? `Deleted ${countOf(deleted.length, 'request', 'requests')}; ${failed} could not be deleted.`
        : `Deleted ${many}. You can restore them from Deleted for ${RESTORE_DAYS} days.`,
    )
  }

  return (
    <div class="bulk-bar" role="group" aria-label="Selected requests">
      <span>{many} selected</span>
      <button type="button" class="danger" onClick={() => setAsking(true)}>
        Delete selected
      </button>
      {asking ? (
        <ConfirmStep
          question={`Delete ${many}?`}
          confirmLabel="Delete"
          cancelLabel="Keep them"
          tone="danger"
          busy={busy}
          onConfirm={removeAll}
          onCancel={() => setAsking(false)}
        >
          <p>
            They leave the board, the backlog and every count, and nobody is told. You can restore
            them from Deleted for {RESTORE_DAYS} days.
          </p>
        </ConfirmStep>
      ) : null}
    </div>
  )
}
