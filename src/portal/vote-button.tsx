import type { FeedbackRequest } from '../shared/api'
import { fill } from '../shared/messages'
import { plural } from './format'
import type { PortalView } from './portal-view'

/**
 * A request's vote count as a form: with JavaScript off it posts to the portal's vote route;
 * portal.js takes over through `data-portal-vote` (the request id) and `data-voted`. The
 * button's visible text is the count, so its name carries it too (axe:
 * label-content-name-mismatch).
 */
export function VoteButton({ view, request }: { view: PortalView; request: FeedbackRequest }) {
  const { t } = view
  return (
    <form
      class="vote"
      method="post"
      action={`${view.paths.request(request.id)}/vote`}
      data-portal-vote={request.id}
      data-voted={request.voted ? 'true' : 'false'}
    >
      {/* A form cannot send DELETE: portal-writes reads `_method` to take the vote back. */}
      {request.voted && <input type="hidden" name="_method" value="DELETE" />}
      <button
        type="submit"
        aria-pressed={request.voted ? 'true' : 'false'}
        aria-label={fill(t.vote, request.title, request.votes)}
        title={plural(t.locale, t.portal.votes, request.votes)}
      >
        <span aria-hidden="true" class="caret">
          ▲
        </span>
        <span class="count">{request.votes}</span>
      </button>
    </form>
  )
}
