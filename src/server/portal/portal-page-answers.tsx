import { type Context } from 'hono'
import { BoardPage, type BoardQuery } from '../../portal/board-page'
import { ChangelogPage } from '../../portal/changelog-page'
import { NotFoundPage } from '../../portal/not-found-page'
import type { PortalView } from '../../portal/portal-view'
import { RequestPage } from '../../portal/request-page'
import { RoadmapPage } from '../../portal/roadmap-page'
import { REQUEST_STATUSES, type RequestStatus } from '../../shared/api'
import { COMMENTS_PAGE_SIZE } from '../../shared/limits'
import { fill } from '../../shared/messages'
import { toRoadmapLane } from '../http/changelog-wire'
import { readCommentCursor, toPublicCommentPage } from '../http/comment-cursor'
import type { AppEnv, RouteDeps } from '../http/env'
import { toPublicRequest } from '../http/wire'
import { shownTo, withOwnPending } from '../routes/moderated-requests'
import { type PersonFacts, type ProjectRecord } from '../store'
import { isFollowing } from '../store/following-store'
import { atomFeed } from './atom-feed'
import { ATOM, HTML, type PortalAnswer, XML } from './portal-answer'
import { renderPortalPage } from './portal-html'
import { portalTagOf } from './portal-tag-query'
import { bareViewFor } from './portal-view-for'
import { sitemapXml } from './sitemap'

/**
 * The portal's pages as answers (spec/api.md "A home on the web: the portal"): each reads through
 * the same caches and wire shapes as the public API and renders on the server. Routing, caching
 * and sending are portal-pages-routes.tsx's.
 */

/** The sitemap protocol's limit is 50,000 URLs; the board, roadmap and changelog take three. */
const SITEMAP_REQUESTS_MAX = 49_000
/** The public list's search length (routes/request-schemas.ts); a longer `q` is cut, not refused. */
const QUERY_MAX_LENGTH = 200

/**
 * What a page handler gets: the project (enabled), whose votes and comments are "yours" (the
 * signed-in person's or the anonymous visitor's cookie id; null for a first visit), the page's
 * view.
 */
export interface PortalRequest {
  c: Context<AppEnv>
  project: ProjectRecord
  person: PersonFacts | null
  voter: string | null
  view: PortalView
}

function html(status: 200 | 404, body: string): PortalAnswer {
  return { status, body, contentType: HTML }
}

export function boardQueryOf(c: Context): BoardQuery {
  const status = c.req.query('status')
  return {
    sort: c.req.query('sort') === 'new' ? 'new' : 'top',
    q: (c.req.query('q') ?? '').trim().slice(0, QUERY_MAX_LENGTH),
    status: REQUEST_STATUSES.includes(status as RequestStatus) ? (status as RequestStatus) : null,
    tag: portalTagOf(c),
  }
}

export async function boardAnswer(deps: RouteDeps, { c, project, voter, view }: PortalRequest) {
  const query = boardQueryOf(c)
  const records = await withOwnPending(
    deps,
    project.id,
    voter,
    query.q || query.tag,
    await deps.caches.publicList({
      projectId: project.id,
      sort: query.sort,
      q: query.q || null,
      voter,
      tag: query.tag,
    }),
  )
  const tags = await deps.store.tags.list(project.id)
  const requests = records
    .filter((record) => query.status === null || record.status === query.status)
    .map((record) => toPublicRequest(record, voter))
  const { t } = view
  const body = renderPortalPage({
    view,
    current: 'board',
    head: {
      title: fill(t.portal.boardTitle, project.name),
      description: fill(t.portal.boardDescription, project.name),
      path: view.paths.board(),
    },
    children: <BoardPage view={view} query={query} requests={requests} tags={tags} />,
  })
  return html(200, body)
}

export async function requestAnswer(
  deps: RouteDeps,
  { c, project, person, voter, view }: PortalRequest,
) {
  const requestId = c.req.param('requestId') ?? ''
  const record = await deps.store.requests.findStanding(project.id, requestId, voter)
  if (!record || !shownTo(record, [voter])) return notFoundAnswer(view)
  if (record.id !== requestId) {
    const search = new URL(c.req.url).search
    return {
      status: 301,
      body: '',
      contentType: HTML,
      location: `${view.paths.request(record.id)}${search}`,
    } satisfies PortalAnswer
  }
  // `?before=` pages back through a long thread with JavaScript off (the public API's cursor).
  const before = c.req.query('before')
  const beforeId = before ? cursorIdOrNull(before) : null
  if (before && !beforeId) return notFoundAnswer(view)
  const page = await deps.store.comments.publicPage(
    project.id,
    record.id,
    beforeId,
    COMMENTS_PAGE_SIZE,
  )
  if (!page) return notFoundAnswer(view)
  const thread = toPublicCommentPage(page, voter)
  const request = toPublicRequest(record, voter)
  const settings = project.settings
  const canComment =
    person !== null || (settings.allowAnonymousComments && !settings.requireIdentity)
  const body = renderPortalPage({
    view,
    current: null,
    head: {
      title: `${request.title} · ${project.name}`,
      description: describe(request.body) || fill(view.t.portal.boardDescription, project.name),
      path: view.paths.request(request.id),
      ogType: 'article',
    },
    children: (
      <RequestPage
        view={view}
        request={request}
        comments={thread.comments}
        olderHref={
          thread.nextCursor
            ? `${view.paths.request(request.id)}?${new URLSearchParams({ before: thread.nextCursor })}#portal-comments`
            : null
        }
        canComment={canComment}
        following={
          person ? await isFollowing(deps.store.db, project.id, record.id, person.sub) : undefined
        }
      />
    ),
  })
  return html(200, body)
}

export async function roadmapAnswer(deps: RouteDeps, { project, voter, view }: PortalRequest) {
  const lanes = await deps.caches.roadmap(project.id, voter)
  const { t } = view
  const body = renderPortalPage({
    view,
    current: 'roadmap',
    head: {
      title: `${t.roadmap} · ${project.name}`,
      description: fill(t.portal.roadmapDescription, project.name),
      path: view.paths.roadmap(),
    },
    children: <RoadmapPage view={view} lanes={lanes.map(toRoadmapLane)} />,
  })
  return html(200, body)
}

export async function changelogAnswer(deps: RouteDeps, { project, view }: PortalRequest) {
  const entries = await deps.caches.changelog(project.id)
  const { t } = view
  const body = renderPortalPage({
    view,
    current: 'changelog',
    head: {
      title: `${t.portal.changelog} · ${project.name}`,
      description: fill(t.portal.changelogDescription, project.name),
      path: view.paths.changelog(),
    },
    children: <ChangelogPage view={view} entries={entries} />,
  })
  return html(200, body)
}

export async function feedAnswer(
  deps: RouteDeps,
  { project, view }: PortalRequest,
): Promise<PortalAnswer> {
  const entries = await deps.caches.changelog(project.id)
  const body = atomFeed({
    projectName: project.name,
    title: `${project.name}: ${view.t.portal.changelog}`,
    pageUrl: `${view.origin}${view.paths.changelog()}`,
    feedUrl: `${view.origin}${view.paths.feed()}`,
    entries,
    fallbackUpdated: project.createdAt,
    language: view.language,
  })
  return { status: 200, body, contentType: ATOM }
}

export async function sitemapAnswer(
  deps: RouteDeps,
  { project, view }: PortalRequest,
): Promise<PortalAnswer> {
  const [requests, entries] = await Promise.all([
    deps.store.requests.listPublic({
      projectId: project.id,
      sort: 'new',
      q: null,
      voter: null,
      limit: SITEMAP_REQUESTS_MAX,
    }),
    deps.caches.changelog(project.id),
  ])
  const { origin, paths } = view
  const body = sitemapXml([
    { url: `${origin}${paths.board()}` },
    { url: `${origin}${paths.roadmap()}` },
    { url: `${origin}${paths.changelog()}`, lastModified: entries[0]?.publishedAt },
    ...requests.map((request) => ({ url: `${origin}${paths.request(request.id)}` })),
  ])
  return { status: 200, body, contentType: XML }
}

export function notFoundAnswer(view: PortalView): PortalAnswer {
  const body = renderPortalPage({
    view,
    current: null,
    head: {
      title: view.t.portal.pageNotFound,
      description: view.t.portal.pageNotFoundText,
      path: view.paths.board(),
    },
    children: <NotFoundPage view={view} />,
  })
  return html(404, body)
}

export function unknownProject(
  c: Context,
  projectId: string,
  publicUrl: string | null,
): PortalAnswer {
  const origin = (publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '')
  const view = bareViewFor(c, projectId, origin)
  const body = renderPortalPage({
    view,
    current: null,
    bare: true,
    head: {
      title: view.t.portal.pageNotFound,
      description: view.t.portal.pageNotFoundText,
      path: c.req.path,
    },
    children: (
      <>
        <h1>{view.t.portal.pageNotFound}</h1>
        <p>{view.t.portal.pageNotFoundText}</p>
      </>
    ),
  })
  return { status: 404, body, contentType: HTML }
}

/** The comment a `?before=` cursor names, or null for anything this server did not hand out. */
function cursorIdOrNull(cursor: string): string | null {
  try {
    return readCommentCursor(cursor)
  } catch {
    return null
  }
}

/** A page description from a request's text: its first 160 characters on one line. */
function describe(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 160 ? `${line.slice(0, 157)}…` : line
}
