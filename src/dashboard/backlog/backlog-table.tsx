import type { BacklogRequest, BacklogVoter } from '../../shared/api'
import { formatMoney } from '../format/money'
import { STATUS_LABELS } from './status-labels'

/** Who submitted a request, as one line: email (or id), plan and company; or "Anonymous". */
export function authorLabel(author: BacklogVoter | null): string {
  if (!author) return 'Anonymous'
  const who = author.email ?? author.sub
  const facts = [author.company?.name ?? author.company?.id, author.plan].filter(Boolean)
  return facts.length > 0 ? `${who} (${facts.join(', ')})` : who
}

/** One row per request; the title opens it. */
export function BacklogTable({
  requests,
  onOpen,
}: {
  requests: BacklogRequest[]
  onOpen: (requestId: string) => void
}) {
  return (
    <table class="backlog-table" aria-label="Backlog">
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col" class="number">
            MRR
          </th>
          <th scope="col" class="number" title="Companies, or people without one, among the voters">
            Accounts
          </th>
          <th scope="col" class="number">
            Votes
          </th>
          <th scope="col">Status</th>
          <th scope="col" class="number">
            Comments
          </th>
          <th scope="col">Submitted by</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id}>
            <th scope="row">
              <button
                type="button"
                class="link"
                data-request-id={request.id}
                onClick={() => onOpen(request.id)}
              >
                {request.title}
              </button>
            </th>
            <td class="number">{formatMoney(request.mrrCents)}</td>
            <td class="number">{request.accounts}</td>
            <td class="number">{request.votes}</td>
            <td>
              <span class={`status status-${request.status}`}>{STATUS_LABELS[request.status]}</span>
            </td>
            <td class="number">
              {request.unanswered ? (
                <span class="unanswered" title="A customer is waiting for an answer">
                  {request.commentCount} · unanswered
                </span>
              ) : (
                request.commentCount
              )}
            </td>
            <td class="author">
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
