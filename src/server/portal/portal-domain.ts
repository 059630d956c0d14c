import type { Env, MiddlewareHandler } from 'hono'
import { getPath } from 'hono/utils/url'
import { normaliseHostName } from '../../shared/api/portal-settings'
import type { ServerConfig } from '../config'
import type { PortalDomains } from './portal-domains'

/**
 * The portal's paths as they read on its own domain (`/`, `/requests/{rid}`, `/roadmap`,
 * `/changelog`, `/changelog.xml`, `/sitemap.xml`, the sign-in round trip and the writes): each
 * is the same path under `/p/{pid}` on Reqio's host. Anything else (`/widget.js`, the portal's
 * script, `/v1/…`) is served on the domain as on Reqio's own host.
 */
const PORTAL_PATH_ON_DOMAIN =
  /^\/(?:|requests(?:\/[^/]+(?:\/vote|\/comments)?)?|roadmap|changelog|changelog\.xml|sitemap\.xml|sso|sso\/logout)$/

/** Requests that arrived on a portal domain, and the path under `/p/{pid}` they are served at. */
const pathsOnReqio = new WeakMap<Request, string>()

/**
 * The app's `getPath` (new Hono({ getPath })): a request mapped from a portal domain is routed
 * by its path under `/p/{pid}`, while `c.req.url` keeps the host and path the browser used, so
 * canonical URLs and redirects can name the domain (the portal's pages compare `Host` with
 * `portal.domain`: portal-origin.ts).
 */
export function routedPath(request: Request): string {
  return pathsOnReqio.get(request) ?? getPath(request)
}

/**
 * Custom domains by `Host` (spec/api.md "Custom domain"): a team points `feedback.example.com`
 * at Reqio through its proxy (which passes `Host` on) and sets it as `portal.domain`; a portal
 * path on that host is dispatched again through the whole app as `/p/{pid}/…`, so every
 * portal route, limit and check applies unchanged. Installed first, before the request log,
 * so each request is logged once, under the path it was served at.
 */
export function servePortalDomains<E extends Env>(options: {
  /** ReadCaches' (forgotten with the project caches on any settings change). */
  domains: PortalDomains
  config: Pick<ServerConfig, 'publicUrl'>
  /** The app's own fetch: how a mapped request is dispatched again. */
  dispatch: (request: Request, env: E['Bindings']) => Response | Promise<Response>
}): MiddlewareHandler<E> {
  const { domains } = options
  const reqioHost = options.config.publicUrl ? new URL(options.config.publicUrl).hostname : null
  return async (c, next) => {
    if (pathsOnReqio.has(c.req.raw) || !PORTAL_PATH_ON_DOMAIN.test(c.req.path)) return next()
    const host = normaliseHostName(new URL(c.req.url).hostname)
    if (host === reqioHost) return next()
    const projectId = await domains.projectServedOn(host)
    if (projectId === null) return next()
    const path = c.req.path === '/' ? '' : c.req.path
    pathsOnReqio.set(c.req.raw, `/p/${projectId}${path}`)
    return options.dispatch(c.req.raw, c.env)
  }
}
