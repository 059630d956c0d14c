import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import type { BacklogRequest } from '../../shared/api'
import type { AdminClient, RequestChanges } from '../api/admin-client'
import { formatMoney } from '../format/money'
import { RequestThread } from './request-thread'
import { StatusEditor } from './status-editor'
import { STATUS_LABELS } from './status-labels'
import { VoterGroups } from './voter-groups'

/** One request opened: its voters, the thread, and the owner's edits (status, title, merge). */
export function RequestDetail({
  request,
  others,
  client,
  projectId,
  onChange,
  onThreadChanged,
  onClose,
  audience,
}: {
  request: BacklogRequest
  /** Requests this one can be merged into. */
  others: BacklogRequest[]
  client: AdminClient
  projectId: string
  onChange: (changes: RequestChanges) => Promise<string | null>
  /** A reply, note or moderation happened in the thread. */
  onThreadChanged: () => void
  onClose: () => void
  /** Who a status change would reach (notifications/audience-line), shown beside Status. */
  audience?: ComponentChildren
}) {
  const [title, setTitle] = useState(request.title)
  const [mergeTarget, setMergeTarget] = useState('')
  const [error, setError] = useState<string | null>(null)
  const anonymousVotes = Math.max(0, request.votes - request.voters.length)

  async function apply(changes: RequestChanges) {
    setError(await onChange(changes))
  }

  return (
    <section class="request-detail" aria-label={`Request: ${request.title}`}>
      <header>
        <h3>{request.title}</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {request.body ? <p class="request-body">{request.body}</p> : null}
      <p>
        {request.votes} votes from {request.accounts}{' '}
        {request.accounts === 1 ? 'account' : 'accounts'}, {formatMoney(request.mrrCents)} monthly
        revenue behind it
        {anonymousVotes > 0 ? ` (${anonymousVotes} anonymous)` : ''}.
      </p>

      <h4>Voters</h4>
      {request.voters.length === 0 ? (
        <p class="hint">No identified voters yet.</p>
      ) : (
        <VoterGroups voters={request.voters} />
      )}

      <StatusEditor request={request} onChange={apply} />
      {audience}

      <form
        class="edit-row"
        onSubmit={(event) => {
          event.preventDefault()
          apply({ title: title.trim() })
        }}
      >
        <label>
          Title <input value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
        </label>
        <button type="submit" disabled={title.trim() === '' || title.trim() === request.title}>
          Save title
        </button>
      </form>

      {others.length > 0 ? (
        <form
          class="edit-row"
          onSubmit={(event) => {
            event.preventDefault()
            if (mergeTarget) apply({ mergeInto: mergeTarget })
          }}
        >
          <label>
            Merge this duplicate into{' '}
            <select
              value={mergeTarget}
              onChange={(event) => setMergeTarget(event.currentTarget.value)}
            >
              <option value="">Choose a request…</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!mergeTarget}>
            Merge
          </button>
          <p class="hint">Votes move to the other request; nobody is counted twice.</p>
        </form>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}

      <RequestThread
        client={client}
        projectId={projectId}
        requestId={request.id}
        onChanged={onThreadChanged}
      />
    </section>
  )
}
