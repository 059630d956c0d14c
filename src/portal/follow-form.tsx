import type { PortalView } from './portal-view'

/**
 * Follow / Following on a request's page, for the signed-in person: a form that posts to the
 * portal's follow route with JavaScript off (`_method=DELETE` unfollows, since a form cannot
 * send DELETE). The button is a toggle (aria-pressed) whose text says the state.
 */
export function FollowForm({
  view,
  requestId,
  following,
}: {
  view: PortalView
  requestId: string
  following: boolean
}) {
  const { t } = view
  return (
    <form class="follow" method="post" action={`${view.paths.request(requestId)}/follow`}>
      {following && <input type="hidden" name="_method" value="DELETE" />}
      <button type="submit" aria-pressed={following ? 'true' : 'false'}>
        {following ? t.following : t.follow}
      </button>
    </form>
  )
}
