import { randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { ANONYMOUS_ID_HEADER } from '../../shared/identity'
import { invalid } from '../errors'
import { ANONYMOUS_ID_PATTERN } from '../http/caller'
import { clientAddress } from '../http/client-address'
import type { ProjectRecord } from '../store'
import { isOnPortalDomain } from './portal-session'

/** The anonymous visitor's id on the portal, kept in a cookie so forms work with JS off. */
export const PORTAL_ANONYMOUS_COOKIE = 'reqio_portal_visitor'

const ONE_YEAR_SECONDS = 365 * 24 * 3600

/**
 * Who an anonymous portal visitor is: the X-Reqio-Anonymous-Id header when a script sends one,
 * else the visitor cookie, else a new random id, remembered in that cookie (HttpOnly: no script
 * needs to read it; scoped to the project's portal). A malformed header is refused like on the
 * public API; a malformed cookie is replaced.
 */
export function portalAnonymousId(c: Context, project: ProjectRecord): string {
  const header = c.req.header(ANONYMOUS_ID_HEADER)?.trim()
  if (header) {
    if (!ANONYMOUS_ID_PATTERN.test(header)) {
      throw invalid(ANONYMOUS_ID_HEADER, 'The anonymous id must be 8-128 letters, digits, - or _.')
    }
    return header
  }
  const cookie = readPortalVisitorCookie(c)
  if (cookie) return cookie
  const minted = randomUUID()
  setCookie(c, PORTAL_ANONYMOUS_COOKIE, minted, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: clientAddress(c).scheme === 'https',
    path: isOnPortalDomain(c, project) ? '/' : `/p/${project.id}`,
    maxAge: ONE_YEAR_SECONDS,
  })
  return minted
}

/**
 * The visitor cookie's id, or null; never mints one. The portal's pages use it to show an
 * anonymous visitor their own votes (`voted`, `mine`), as the widget's anonymous id does.
 */
export function readPortalVisitorCookie(c: Context): string | null {
  const cookie = getCookie(c, PORTAL_ANONYMOUS_COOKIE)
  return cookie && ANONYMOUS_ID_PATTERN.test(cookie) ? cookie : null
}
