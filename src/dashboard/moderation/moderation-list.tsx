import { useState } from 'preact/hooks'
import { type BacklogRequest, RESTORE_DAYS } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { authorLabel } from '../backlog/backlog-table'
import { moderationClient } from './moderation-client'
import './moderation.css'

const DAY_MS = 24 * 60 * 60 * 1000

function restorableUntil(deletedAt: string): string {
  return new Date(Date.parse(deletedAt) + RESTORE_DAYS * DAY_MS).toLocaleDateString('en', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })
}

/**
 * The backlog's two moderation views as one list: requests waiting for approval (Approve,
 * Reject; the title opens the drawer) or deleted ones (Restore, with the day they go for good).
 */
export function ModerationList({
  client,
  projectId,
  view,
  requests,
  canTriage,
  onOpen,
  onChanged,
}: {
  client: AdminClient
  projectId: string
  view: 'pending' | 'deleted'
  requests: BacklogRequest[]
  canTriage: boolean
  onOpen: (requestId: string) => void
  /** Something was approved, rejected or restored: what to tell the owner. */
  onChanged: (notice: string) => void
}) {
  const moderation = moderationClient(client)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function act(request: BacklogRequest, action: 'approve' | 'reject' | 'restore') {
    setBusyId(request.id)
    const result =
      action === 'approve'
        ? await moderation.approve(projectId, request.id)
        : action === 'restore'
          ? await moderation.restore(projectId, request.id)
          : await moderation.remove(projectId, request.id)
    setBusyId(null)
    if (!result.ok) return setError(`That did not work: ${result.message}`)
    setError(null)
    const done = {
      approve: `Approved “${request.title}”: everyone sees it now.`,
      reject: `Rejected “${request.title}”. It is in Deleted for ${RESTORE_DAYS} days.`,
      restore: `Restored “${request.title}”: it is back on the board, votes and all.`,
    }
    onChanged(done[action])
  }

  if (requests.length === 0) {
    return (
      <p class="empty">
        {view === 'pending'
          ? 'Nothing waits for approval.'
          : `No deleted requests. Deleted requests stay here for ${RESTORE_DAYS} days.`}
      </p>
    )
  }
  return (
    <>
      {error ? <p role="alert">{error}</p> : null}
      <ul
        class="moderation-list"
        aria-label={view === 'pending' ? 'Waiting for approval' : 'Deleted'}
      >
        {requests.map((request) => (
          <li key={request.id}>
            <div class="moderation-what">
              {view === 'pending' ? (
                <button
                  type="button"
                  class="link"
                  data-request-id={request.id}
                  onClick={() => onOpen(request.id)}
                >
                  {request.title}
                </button>
              ) : (
                <strong>{request.title}</strong>
              )}
              <span class="hint">
                {authorLabel(request.author)}
                {request.deletedAt
                  ? ` · restorable until ${restorableUntil(request.deletedAt)}`
                  : ''}
              </span>
            </div>
            {canTriage ? (
              <div class="moderation-actions">
                {view === 'pending' ? (
                  <>
                    <button
                      type="button"
                      class="primary"
                      disabled={busyId === request.id}
                      aria-label={`Approve ${request.title}`}
                      onClick={() => act(request, 'approve')}
                    >
                      Approve
                    </button>
                    <button
                      type="button"
                      disabled={busyId === request.id}
                      aria-label={`Reject ${request.title}`}
                      onClick={() => act(request, 'reject')}
                    >
                      Reject
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    disabled={busyId === request.id}
                    aria-label={`Restore ${request.title}`}
                    onClick={() => act(request, 'restore')}
                  >
                    Restore
                  </button>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}
