import {
  type FeedbackRequest,
  REQUEST_STATUSES,
  type RequestStatus,
  type RequestTag,
} from '../shared/api'
import { TITLE_MAX_LENGTH } from '../shared/limits'
import { fill } from '../shared/messages'
import { FormKey } from './form-key'
import { plural } from './format'
import { ImageField } from './image-field'
import type { PortalView } from './portal-view'
import { RequestRow } from './request-row'
import { TagFilter } from './tag-filter'

export interface BoardQuery {
  sort: 'top' | 'new'
  q: string
  status: RequestStatus | null
  /** `?tag={tagId}`: only requests with this tag. */
  tag: string | null
}

interface Props {
  view: PortalView
  query: BoardQuery
  requests: FeedbackRequest[]
  /** The project's tags, for the tag filter. */
  tags: RequestTag[]
}

/**
 * The board: search, sort and status as plain links and a GET form (they work with JavaScript
 * off and give every view its own URL), the list, and the form for a new request.
 */
export function BoardPage({ view, query, requests, tags }: Props) {
  const { t, paths } = view
  const linkWith = (change: Partial<BoardQuery>) => {
    const next = { ...query, ...change }
    return paths.board({
      sort: next.sort === 'top' ? undefined : next.sort,
      q: next.q || undefined,
      status: next.status ?? undefined,
      tag: next.tag ?? undefined,
    })
  }
  return (
    <>
      <h1>{fill(t.portal.boardTitle, view.project.name)}</h1>
      <form class="search" role="search" method="get" action={paths.board()} data-portal-search="">
        <label for="portal-q">{t.portal.searchLabel}</label>
        <input id="portal-q" type="search" name="q" value={query.q} maxLength={200} />
        {query.sort !== 'top' && <input type="hidden" name="sort" value={query.sort} />}
        {query.status && <input type="hidden" name="status" value={query.status} />}
        {query.tag && <input type="hidden" name="tag" value={query.tag} />}
        <button type="submit">{t.search}</button>
      </form>
      <div class="filters">
        <nav aria-label={t.sort}>
          <ul class="chips">
            {(['top', 'new'] as const).map((sort) => (
              <li key={sort}>
                <a
                  href={linkWith({ sort })}
                  aria-current={query.sort === sort ? 'true' : undefined}
                >
                  {t[sort]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t.filter}>
          <ul class="chips">
            <li>
              <a href={linkWith({ status: null })} aria-current={query.status ? undefined : 'true'}>
                {t.all}
              </a>
            </li>
            {REQUEST_STATUSES.map((status) => (
              <li key={status}>
                <a
                  href={linkWith({ status })}
                  aria-current={query.status === status ? 'true' : undefined}
                >
                  {t.status[status]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <TagFilter
          view={view}
          tags={tags}
          current={query.tag}
          linkWith={(tag) => linkWith({ tag })}
        />
      </div>
      <p class="count" aria-live="polite" data-portal-count="">
        {plural(t.locale, t.portal.requestCount, requests.length)}
      </p>
      {requests.length === 0 ? (
        <p class="empty">{query.q || query.status || query.tag ? t.empty : t.first}</p>
      ) : (
        <ol class="list" data-portal-list="">
          {requests.map((request) => (
            <RequestRow key={request.id} view={view} request={request} />
          ))}
        </ol>
      )}
      <NewRequestForm view={view} />
    </>
  )
}

/** Suggest a feature: posts to the portal's submit route (portal.js: `data-portal-submit`). */
function NewRequestForm({ view }: { view: PortalView }) {
  const { t } = view
  return (
    <section class="new" aria-labelledby="portal-new">
      <h2 id="portal-new">{t.suggest}</h2>
      <form
        method="post"
        action={`${view.paths.root}/requests`}
        encType="multipart/form-data"
        data-portal-submit=""
      >
        <FormKey />
        <label for="portal-title">{t.titleLabel}</label>
        <input id="portal-title" name="title" required maxLength={TITLE_MAX_LENGTH} />
        <label for="portal-body">{t.details}</label>
        <textarea id="portal-body" name="body" rows={4} />
        <ImageField view={view} id="portal-images" />
        <button type="submit">{t.send}</button>
      </form>
    </section>
  )
}
