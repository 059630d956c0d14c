import type { BacklogRequest } from '../../shared/api'
import { formatMoney } from '../format/money'
import { STATUS_LABELS } from './status-labels'

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
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id}>
            <th scope="row">
              <button type="button" class="link" onClick={() => onOpen(request.id)}>
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
          </tr>
        ))}
      </tbody>
    </table>
  )
}
