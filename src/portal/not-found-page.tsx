import type { PortalView } from './portal-view'

/** What an unknown request or page shows: a way back to the board. */
export function NotFoundPage({ view }: { view: PortalView }) {
  const { t } = view
  return (
    <>
      <h1>{t.portal.pageNotFound}</h1>
      <p>{t.portal.pageNotFoundText}</p>
      <p>
        <a href={view.paths.board()}>{t.portal.toBoard}</a>
      </p>
    </>
  )
}
