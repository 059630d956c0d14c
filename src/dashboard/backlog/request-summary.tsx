import type { BacklogRequest } from '../../shared/api'
import { formatMoney } from '../format/money'
import { countOf } from '../format/plural'
import { AttachmentThumbnails } from '../ui/attachment-thumbnails'
import { authorLabel } from './backlog-table'
import { STATUS_LABELS } from './status-labels'

/** The drawer's first lines: who asked, in their words, and the weight behind it. */
export function RequestSummary({ request }: { request: BacklogRequest }) {
  const anonymousVotes = Math.max(0, request.votes - request.voters.length)
  return (
    <div class="request-summary">
      <p class="author-line">
        <span class={`status status-${request.status}`}>{STATUS_LABELS[request.status]}</span>{' '}
        Submitted by <strong>{authorLabel(request.author)}</strong>
        {request.author ? `, ${formatMoney(request.author.mrrCents)} MRR` : ''}
      </p>
      {request.body ? <p class="request-body">{request.body}</p> : null}
      <AttachmentThumbnails attachments={request.attachments} label="Images of the request" />
      <p>
        {countOf(request.votes, 'vote', 'votes')} from{' '}
        {countOf(request.accounts, 'account', 'accounts')}, {formatMoney(request.mrrCents)} monthly
        revenue behind it
        {anonymousVotes > 0 ? ` (${anonymousVotes.toLocaleString('en')} anonymous)` : ''}.
      </p>
    </div>
  )
}
