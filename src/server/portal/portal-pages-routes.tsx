import { randomUUID } from 'node:crypto'
import { type Context, Hono } from 'hono'
import { BoardPage, type BoardQuery } from '../../portal/board-page'
import { ChangelogPage } from '../../portal/changelog-page'
import { FORM_KEY_PLACEHOLDER } from '../../portal/form-key'
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
import { anonymousVoter, type PersonFacts, type ProjectRecord, personVoter } from '../store'
import { isFollowing } from '../store/following-store'
import { atomFeed } from './atom-feed'
import { readPortalVisitorCookie } from './portal-anonymous-id'
import { ATOM, HTML, type PortalAnswer, XML } from './portal-answer'
import { portalPageHeaders, renderPortalPage } from './portal-html'
import { PortalPageCache } from './portal-page-cache'
import { portalPersonOf } from './portal-session'
import { portalSettingsOf } from './portal-settings'
import { portalTagOf } from './portal-tag-query'
import { bareViewFor, portalViewFor } from './portal-view-for'
import { sitemapXml } from './sitemap'

/** The sitemap protocol's limit is 50,000 URLs; the board, roadmap and changelog take three. */
const SITEMAP_REQUESTS_MAX = 49_000
/** The public list's search length (routes/request-schemas.ts); a longer `q` is cut, not refused. */
const QUERY_MAX_LENGTH = 200

/**
 * What a page handler gets: the project (enabled), whose votes and comments are "yours" (the
 * signed-in person's or the anonymous visitor's cookie id; null for a first visit), the page's
 * view.
 */
interface PortalRequest {
  c: Context<AppEnv>
  project: ProjectRecord
  person: PersonFacts | null
  voter: string | null
  view: PortalView
}

/**
 * The portal's public pages (spec/api.md "A home on the web: the portal"): the board, a
 * request, the roadmap, the changelog, its Atom feed and the sitemap, rendered on the server.
 * Every read goes through the same caches and wire shapes as the public API (so nothing it
 * hides shows here); an anonymous visitor's page is kept whole in PortalPageCache.
 */
export function portalPagesRoutes(deps: RouteDeps) {
  const cache = new PortalPageCache(deps.caches, deps.clock)
  const publicUrl = deps.config.publicUrl

  /** Resolves the project (unknown or portal off: the HTML 404), then answers, cached when anonymous. */
  const page =
    (
      cacheKey: (c: Context<AppEnv>) => string | null,
      answer: (r: PortalRequest) => Promise<PortalAnswer>,
    ) =>
    async (c: Context<AppEnv>) => {
      const projectId = c.req.param('projectId') ?? ''
      const project = await deps.caches.project(projectId)
      if (!project || !portalSettingsOf(project).enabled) {
        return send(c, unknownProject(c, projectId, publicUrl), false)
      }
      const person = await portalPersonOf(c, project, deps)
      const voter = person ? personVoter(person.sub) : portalVisitorVoter(c)
      const view = portalViewFor(c, project, person, publicUrl)
      const request: PortalRequest = { c, project, person, voter, view }
      // Only the page everyone sees is kept whole; a visitor with votes of their own gets theirs.
      const key = voter === null ? cacheKey(c) : null
      if (key === null) return send(c, await answer(request), voter !== null)
      const fullKey = [view.language, view.origin, view.paths.root, key].join('\u0000')
      return send(c, await cache.answer(project.id, fullKey, () => answer(request)), false)
    }

  return new Hono<AppEnv>()
    .get(
      '/p/:projectId',
      page(
        (c) => {
          const query = boardQueryOf(c)
          return query.q
            ? null
            : `board\u0000${query.sort}\u0000${query.status ?? ''}\u0000${query.tag ?? ''}`
        },
        (r) => boardAnswer(deps, r),
      ),
    )
    .get(
      '/p/:projectId/requests/:requestId',
      page(
        (c) => `request\u0000${c.req.param('requestId')}\u0000${c.req.query('before') ?? ''}`,
        (r) => requestAnswer(deps, r),
      ),
    )
    .get(
      '/p/:projectId/roadmap',
      page(
        () => 'roadmap',
        (r) => roadmapAnswer(deps, r),
      ),
    )
    .get(
      '/p/:projectId/changelog',
      page(
        () => 'changelog',
        (r) => changelogAnswer(deps, r),
      ),
    )
    .get(
      '/p/:projectId/changelog.xml',
      page(
        () => 'feed',
        (r) => feedAnswer(deps, r),
      ),
    )
    .get(
      '/p/:projectId/sitemap.xml',
      page(
        () => 'sitemap',
        (r) => sitemapAnswer(deps, r),
      ),
    )
    .get(
      '/p/:projectId/*',
      page(
        () => null,
        async (r) => notFoundAnswer(r.view),
      ),
    )
}

function send(c: Context, answer: PortalAnswer, personal: boolean): Response {
  const headers: Record<string, string> =
    answer.contentType === HTML
      ? portalPageHeaders(personal)
      : { 'Content-Type': answer.contentType, 'Cache-Control': 'public, max-age=60' }
  if (answer.location) headers.Location = answer.location
  if (c.req.method === 'HEAD') return new Response(null, { status: answer.status, headers })
  return new Response(withFreshFormKeys(answer.body), { status: answer.status, headers })
}

/** Each form on the page gets its own idempotency key, whoever the cached page goes to. */
function withFreshFormKeys(body: string): string {
  return body.includes(FORM_KEY_PLACEHOLDER)
    ? body.replaceAll(FORM_KEY_PLACEHOLDER, () => randomUUID())
    : body
}

/** The anonymous visitor's votes, by the cookie portal-writes gave them (never minted here). */
function portalVisitorVoter(c: Context): string | null {
  const id = readPortalVisitorCookie(c)
  return id ? anonymousVoter(id) : null
}

function html(status: 200 | 404, body: string): PortalAnswer {
  return { status, body, contentType: HTML }
}

function boardQueryOf(c: Context): BoardQuery {
  const status = c.req.query('status')
  return {
    sort: c.req.query('sort') === 'new' ? 'new' : 'top',
    q: (c.req.query('q') ?? '').trim().slice(0, QUERY_MAX_LENGTH),
    status: REQUEST_STATUSES.includes(status as RequestStatus) ? (status as RequestStatus) : null,
    tag: portalTagOf(c),
  }
}

async function boardAnswer(deps: RouteDeps, { c, project, voter, view }: PortalRequest) {
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

async function requestAnswer(deps: RouteDeps, { c, project, person, voter, view }: PortalRequest) {
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

async function roadmapAnswer(deps: RouteDeps, { project, voter, view }: PortalRequest) {
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

async function changelogAnswer(deps: RouteDeps, { project, view }: PortalRequest) {
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

async function feedAnswer(
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

async function sitemapAnswer(
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

function notFoundAnswer(view: PortalView): PortalAnswer {
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

function unknownProject(c: Context, projectId: string, publicUrl: string | null): PortalAnswer {
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
