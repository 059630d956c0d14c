import type { FeedbackRequest } from '../shared/api'
import { plural } from './format'
import type { PortalView } from './portal-view'
import { StatusBadge } from './status-badge'
import { TagChips } from './tag-chips'
import { VoteButton } from './vote-button'

/** One request in a list (the board, a roadmap lane): vote, title linking to its page, facts. */
export function RequestRow({ view, request }: { view: PortalView; request: FeedbackRequest }) {
  const { t } = view
  return (
    <li class="row" data-portal-request={request.id}>
      <VoteButton view={view} request={request} />
      <div class="row-text">
        <a class="row-title" href={view.paths.request(request.id)}>
          {request.title}
        </a>
        <p class="row-facts">
          <StatusBadge view={view} status={request.status} />
          <span>{plural(t.locale, t.comments, request.commentCount)}</span>
          <TagChips tags={request.tags} />
        </p>
      </div>
    </li>
  )
}
