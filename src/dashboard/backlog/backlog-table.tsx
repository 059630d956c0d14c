import type { BacklogRequest, BacklogVoter } from '../../shared/api'
import { formatMoney } from '../format/money'
import { countOf } from '../format/plural'
import { AtRiskCell, AtRiskFact, AtRiskHeader } from '../revenue/at-risk-cell'
import { type RowSelection, SelectAllCell, SelectCell } from '../tags/row-selection'
import { TagChips } from '../tags/tag-chip'
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
  /** Rows ticked for a bulk action (tags/row-selection.ts); absent: no checkboxes. */
  selection?: RowSelection
}) {
  return (
    <table class="backlog-table" aria-label="Backlog">
      <thead>
        <tr>
          {selection ? <SelectAllCell selection={selection} requests={requests} /> : null}
          <th scope="col">Request</th>
          <th scope="col" class="number">
            MRR
          </th>
          <AtRiskHeader />
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
            {selection ? <SelectCell selection={selection} request={request} /> : null}
            {/* The row is named by its title alone; the phone's facts line is read as content. */}
            <th scope="row" aria-labelledby={`title-${request.id}`}>
              <button
                id={`title-${request.id}`}
                type="button"
                class="link"
                data-request-id={request.id}
                onClick={() => onOpen(request.id)}
              >
                {request.title}
              </button>
              <TagChips tags={request.tags} />
              <RowFacts request={request} />
            </th>
            <td class="number">{formatMoney(request.mrrCents)}</td>
            <AtRiskCell request={request} />
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
      <AtRiskFact request={request} />
    </span>
  )
}
