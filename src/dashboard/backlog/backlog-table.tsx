import type { BacklogRequest, BacklogVoter } from '../../shared/api'
import { formatMoney } from '../format/money'
import { countOf } from '../format/plural'
import { STATUS_LABELS } from './status-labels'
import './backlog-table.css'

/** Who submitted a request, as one line: email (or id), plan and company; or "Anonymous". */
export function authorLabel(author: BacklogVoter | null): string {
  if (!author) return 'Anonymous'
  const who = author.email ?? author.sub
  const facts = [author.company?.name ?? author.company?.id, author.plan].filter(Boolean)
  return facts.length > 0 ? `${who} (${facts.join(', ')})` : who
}

/**
 * One row per request; the title opens it. On a phone the table keeps Request, MRR and Votes,
 * and the title's cell says the rest in one line (backlog-table.css), so nothing scrolls sideways.
 */
export function BacklogTable({
  requests,
  onOpen,
  selection,
}: {
  requests: BacklogRequest[]
  onOpen: (requestId: string) => void
  /** Ticked rows, for bulk actions (moderation/bulk-delete.tsx); no checkboxes without it. */
  selection?: { selected: ReadonlySet<string>; onToggle: (requestId: string) => void }
}) {
  return (
    <table class="backlog-table" aria-label="Backlog">
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col" class="number">
            MRR
          </th>
          <th
            scope="col"
            class="number wide-only"
            title="Companies, or people without one, among the voters"
          >
            Accounts
          </th>
          <th scope="col" class="number">
            Votes
          </th>
          <th scope="col" class="wide-only">
            Status
          </th>
          <th scope="col" class="number wide-only">
            Comments
          </th>
          <th scope="col" class="wide-only">
            Submitted by
          </th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id}>
            {/* The row is named by its title alone; the phone's facts line is read as content. */}
            <th scope="row" aria-labelledby={`title-${request.id}`}>
              {selection ? (
                <input
                  type="checkbox"
                  class="select-row"
                  aria-label={`Select ${request.title}`}
                  checked={selection.selected.has(request.id)}
                  onChange={() => selection.onToggle(request.id)}
                />
              ) : null}
              <button
                id={`title-${request.id}`}
                type="button"
                class="link"
                data-request-id={request.id}
                onClick={() => onOpen(request.id)}
              >
                {request.title}
              </button>
              <RowFacts request={request} />
            </th>
            <td class="number">{formatMoney(request.mrrCents)}</td>
            <td class="number wide-only">{request.accounts}</td>
            <td class="number">{request.votes}</td>
            <td class="wide-only">
              <span class={`status status-${request.status}`}>{STATUS_LABELS[request.status]}</span>
            </td>
            <td class="number wide-only">
              {request.unanswered ? (
                <span class="unanswered" title="A customer is waiting for an answer">
                  {request.commentCount} · unanswered
                </span>
              ) : (
                request.commentCount
              )}
            </td>
            <td class="author wide-only">
              {authorLabel(request.author)}
              {request.author && request.author.mrrCents > 0 ? (
                <span class="hint"> · {formatMoney(request.author.mrrCents)}/mo</span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The columns a phone has no room for, as one line under the title (hidden at desktop widths). */
function RowFacts({ request }: { request: BacklogRequest }) {
  return (
    <span class="row-facts">
      <span class={`status status-${request.status}`}>{STATUS_LABELS[request.status]}</span>
      <span class={request.unanswered ? 'unanswered' : undefined}>
        {countOf(request.commentCount, 'comment', 'comments')}
        {request.unanswered ? ', unanswered' : ''}
      </span>
      <span>{authorLabel(request.author)}</span>
    </span>
  )
}
