import { useState } from 'preact/hooks'
import { type BacklogRequest, PENDING_STATUS, RESTORE_DAYS } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { ConfirmStep } from '../ui/confirm-step'
import { moderationClient } from './moderation-client'

/**
 * The drawer's moderation (spec v3 "Spam and deletion"): Delete, asked first and restorable;
 * for a request waiting for approval, Approve and Reject (a delete) instead.
 */
export function RequestModeration({
  client,
  projectId,
  request,
  onDone,
}: {
  client: AdminClient
  projectId: string
  request: BacklogRequest
  /** The request was deleted, rejected or approved: what to tell the owner. */
  onDone: (notice: string) => void
}) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const moderation = moderationClient(client)
  const pending = request.status === PENDING_STATUS

  async function remove() {
    setBusy(true)
    const result = await moderation.remove(projectId, request.id)
    setBusy(false)
    if (!result.ok) return setError(`It was not deleted: ${result.message}`)
    setAsking(false)
    onDone(
      pending
        ? `Rejected “${request.title}”. It is in Deleted for ${RESTORE_DAYS} days.`
        : `Deleted “${request.title}”. You can restore it from Deleted for ${RESTORE_DAYS} days.`,
    )
  }

  async function approve() {
    setBusy(true)
    const result = await moderation.approve(projectId, request.id)
    setBusy(false)
    if (!result.ok) return setError(`It was not approved: ${result.message}`)
    onDone(`Approved “${request.title}”: everyone sees it now.`)
  }

  return (
    <section class="drawer-section" aria-labelledby="moderation-heading">
      <h3 id="moderation-heading">{pending ? 'Waiting for approval' : 'Moderation'}</h3>
      {pending ? (
        <p class="hint">
          Only its author and your team see it. Approving shows it to everyone and tells your team
          and webhooks of a new request; rejecting deletes it and tells nobody.
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      <div class="moderation-actions">
        {pending ? (
          <button type="button" class="primary" disabled={busy} onClick={approve}>
            Approve
          </button>
        ) : null}
        <button type="button" class="danger" disabled={busy} onClick={() => setAsking(true)}>
          {pending ? 'Reject' : 'Delete request'}
        </button>
      </div>
      {asking ? (
        <ConfirmStep
          question={pending ? `Reject “${request.title}”?` : `Delete “${request.title}”?`}
          confirmLabel={pending ? 'Reject' : 'Delete'}
          cancelLabel="Keep it"
          tone="danger"
          busy={busy}
          onConfirm={remove}
          onCancel={() => setAsking(false)}
        >
          <p>
            It leaves the board, the backlog and every count, and its votes stop counting. Nobody is
            told. You can restore it from Deleted for {RESTORE_DAYS} days.
          </p>
        </ConfirmStep>
      ) : null}
    </section>
  )
}
