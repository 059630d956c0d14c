import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { serverOrigin } from '../auth/same-origin'
import type { ServerConfig } from '../config'
import { ApiError } from '../errors'
import { requestOrigin } from '../http/client-address'
import type { ProjectRecord } from '../store'
import { PORTAL_SESSION_COOKIE } from './portal-session'
import { portalSettingsOf } from './portal-settings'

/** The request came to the project's own portal domain (`portal.domain`), not Reqio's host. */
export function onPortalDomain(c: Context, project: ProjectRecord): boolean {
  const domain = portalSettingsOf(project).domain
  if (domain === null) return false
  const host = (c.req.header('Host') ?? '').toLowerCase().replace(/:\d+$/, '')
  return host === domain
}

/**
 * CSRF for portal writes. A foreign page may not write through a visitor's browser: any
 * `Origin` other than the portal's own (REQIO_PUBLIC_URL's, else this request's scheme and Host;
 * on the custom domain, that domain) is refused. With the portal session cookie present a
 * missing Origin is refused too (spec/api.md: every portal write carrying the cookie needs it);
 * without it, a client that sends no Origin (curl, a script) writes anonymously like the public
 * API lets it.
 */
export function assertPortalOrigin(c: Context, config: ServerConfig, project: ProjectRecord): void {
  const origin = c.req.header('Origin')
  const hasSession = getCookie(c, PORTAL_SESSION_COOKIE) !== undefined
  if (origin === undefined && !hasSession) return
  const own = onPortalDomain(c, project) ? requestOrigin(c) : serverOrigin(c, config)
  if (origin !== own) {
    throw new ApiError(
      'csrf_rejected',
      'This change must come from the portal itself (the Origin header did not match).',
    )
  }
}
