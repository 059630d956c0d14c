import type { PublicChangelogEntry } from '../shared/api'
import { fill } from '../shared/messages'
import { renderMarkdown } from '../widget/ui/markdown'
import { formatDate } from './format'
import type { PortalView } from './portal-view'

/**
 * Published changelog entries, newest first, each with the requests it shipped. The body is
 * the server's safe node tree, rendered by the widget's own renderer: never an HTML string.
 */
export function ChangelogPage({
  view,
  entries,
}: {
  view: PortalView
  entries: PublicChangelogEntry[]
}) {
  const { t } = view
  return (
    <>
      <h1>{t.portal.changelog}</h1>
      <p class="lead">{fill(t.portal.changelogDescription, view.project.name)}</p>
      {entries.length === 0 ? (
        <p class="empty">{t.nothing}</p>
      ) : (
        <ol class="entries">
          {entries.map((entry) => (
            <li key={entry.id} id={`entry-${entry.id}`} class="entry">
              <article>
                <h2>{entry.title}</h2>
                <p class="row-facts">
                  <time dateTime={entry.publishedAt}>
                    {formatDate(t.locale, entry.publishedAt)}
                  </time>
                </p>
                <div class="md">{renderMarkdown(entry.bodyNodes)}</div>
                {entry.requests.length > 0 && (
                  <p class="shipped">
                    {t.shipped}{' '}
                    {entry.requests.map((request, index) => (
                      <span key={request.id}>
                        {index > 0 && ', '}
                        <a href={view.paths.request(request.id)}>{request.title}</a>
                      </span>
                    ))}
                  </p>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
