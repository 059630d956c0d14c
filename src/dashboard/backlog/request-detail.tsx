import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { type BacklogRequest, REQUEST_STATUSES, type RequestStatus } from '../../shared/api'
import type { RequestChanges } from '../api/admin-client'
import { formatMoney } from '../format/money'
import { STATUS_LABELS } from './status-labels'

/** One request opened: its voters, and the owner's edits (status, title, merge). */
export function RequestDetail({
  request,
  others,
  onChange,
  onClose,
  audience,
}: {
  request: BacklogRequest
  /** Requests this one can be merged into. */
  others: BacklogRequest[]
  onChange: (changes: RequestChanges) => Promise<string | null>
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
        {request.votes} votes, {formatMoney(request.mrrCents)} monthly revenue behind it
        {anonymousVotes > 0 ? ` (${anonymousVotes} anonymous)` : ''}.
      </p>

      <h4>Voters</h4>
      {request.voters.length === 0 ? (
        <p class="hint">No identified voters yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">User (sub)</th>
              <th scope="col">Email</th>
              <th scope="col">Plan</th>
              <th scope="col" class="number">
                MRR
              </th>
            </tr>
          </thead>
          <tbody>
            {request.voters.map((voter) => (
              <tr key={voter.sub}>
                <td>{voter.sub}</td>
                <td>{voter.email ?? '—'}</td>
                <td>{voter.plan ?? '—'}</td>
                <td class="number">{formatMoney(voter.mrrCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div class="edit-row">
        <label>
          Status{' '}
          <select
            value={request.status}
            onChange={(event) => apply({ status: event.currentTarget.value as RequestStatus })}
          >
            {REQUEST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        {audience}
      </div>

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
    </section>
  )
}
