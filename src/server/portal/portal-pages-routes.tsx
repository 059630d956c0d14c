import { randomUUID } from 'node:crypto'
import { type Context, Hono } from 'hono'
import { FORM_KEY_PLACEHOLDER } from '../../portal/form-key'
import type { AppEnv, RouteDeps } from '../http/env'
import { anonymousVoter, personVoter } from '../store'
import { readPortalVisitorCookie } from './portal-anonymous-id'
import { HTML, type PortalAnswer } from './portal-answer'
import { portalPageHeaders } from './portal-html'
import {
  boardAnswer,
  boardQueryOf,
  changelogAnswer,
  feedAnswer,
  notFoundAnswer,
  type PortalRequest,
  requestAnswer,
  roadmapAnswer,
  sitemapAnswer,
  unknownProject,
} from './portal-page-answers'
import { PortalPageCache } from './portal-page-cache'
import { portalPersonOf } from './portal-session'
import { portalSettingsOf } from './portal-settings'
import { portalViewFor } from './portal-view-for'

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
