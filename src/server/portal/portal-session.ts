import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { serverOrigin } from '../auth/same-origin'
import { hashSecretCode, newSecretCode } from '../auth/secret-codes'
import { cookieIsSecure } from '../auth/session-cookie'
import type { Clock } from '../clock'
import type { ServerConfig } from '../config'
import { ApiError } from '../errors'
import { clientAddress, requestOrigin } from '../http/client-address'
import type { PersonFacts, ProjectRecord, Store } from '../store'
import type { PortalSession } from '../store/portal-sessions-store'
import { portalSettingsOf } from './portal-settings'

/** Not the dashboard's `reqio_session`: a customer signed in to a portal is no team member. */
export const PORTAL_SESSION_COOKIE = 'reqio_portal'
/** The contract's Max-Age: a week, counted from sign-in (never pushed back). */
export const PORTAL_SESSION_SECONDS = 604_800

/** What the session helpers need of the app. */
export interface PortalSessionDeps {
  store: Store
  clock: Clock
  config: ServerConfig
}

/** True when this request came to the project's own portal domain (`portal.domain`). */
export function isOnPortalDomain(c: Context, project: ProjectRecord): boolean {
  const domain = portalSettingsOf(project).domain
  if (!domain) return false
  return new URL(c.req.url).hostname.toLowerCase() === domain.toLowerCase()
}

/**
 * Where the portal's pages live, as the browser sees them: `{origin}/p/{pid}` on Reqio's own
 * origin (REQIO_PUBLIC_URL, else the scheme and Host), or the custom domain's root (no
 * trailing slash). Cookies, return_to and Origin checks all follow from it.
 */
export function portalHome(
  c: Context,
  deps: PortalSessionDeps,
  project: ProjectRecord,
): { origin: string; path: string } {
  if (isOnPortalDomain(c, project)) return { origin: requestOrigin(c), path: '' }
  return { origin: serverOrigin(c, deps.config), path: `/p/${project.id}` }
}

/** The cookie's Path: the project's portal only, or `/` on its own domain. */
function cookiePath(c: Context, deps: PortalSessionDeps, project: ProjectRecord): string {
  return portalHome(c, deps, project).path || '/'
}

function isSecure(c: Context, deps: PortalSessionDeps, project: ProjectRecord): boolean {
  // On a custom domain REQIO_PUBLIC_URL is not the address people use: the request's scheme is.
  if (isOnPortalDomain(c, project)) return clientAddress(c).scheme === 'https'
  return cookieIsSecure(c, deps.config)
}

/**
 * Signs the person in to this project's portal: a new random id goes to the cookie only, its
 * hash and the person (as the token described them) to the database.
 */
export async function startPortalSession(
  c: Context,
  deps: PortalSessionDeps,
  project: ProjectRecord,
  person: PersonFacts,
  verifiedWithPreviousSecret: boolean,
): Promise<void> {
  const now = deps.clock.now()
  const sessionId = newSecretCode()
  await deps.store.portalSessions.removeEnded(now)
  // Signing in again replaces this browser's session rather than leaving the old one alive.
  const previous = getCookie(c, PORTAL_SESSION_COOKIE)
  if (previous) await deps.store.portalSessions.revoke(project.id, hashSecretCode(previous))
  await deps.store.portalSessions.create({
    idHash: hashSecretCode(sessionId),
    projectId: project.id,
    person,
    secretGeneration: project.secretGeneration - (verifiedWithPreviousSecret ? 1 : 0),
    now,
    expiresAt: now + PORTAL_SESSION_SECONDS * 1000,
  })
  setCookie(c, PORTAL_SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    path: cookiePath(c, deps, project),
    secure: isSecure(c, deps, project),
    maxAge: PORTAL_SESSION_SECONDS,
  })
}

/** Whether the browser sent a portal session cookie at all (live or not): writes then need Origin. */
export function carriesPortalSession(c: Context): boolean {
  return Boolean(getCookie(c, PORTAL_SESSION_COOKIE))
}

async function liveSession(
  c: Context,
  deps: PortalSessionDeps,
  project: ProjectRecord,
): Promise<PortalSession | null> {
  const sessionId = getCookie(c, PORTAL_SESSION_COOKIE)
  if (!sessionId) return null
  const now = deps.clock.now()
  const session = await deps.store.portalSessions.findLive(
    project.id,
    hashSecretCode(sessionId),
    now,
  )
  if (!session) return null
  return signedWithAcceptedSecret(session, project, now) ? session : null
}

/**
 * A rotation ends the sessions signed in under an older secret once that secret stops
 * verifying tokens: whoever rotated because the secret leaked expects everything it allowed to stop.
 */
function signedWithAcceptedSecret(
  session: PortalSession,
  project: ProjectRecord,
  now: number,
): boolean {
  if (session.secretGeneration === project.secretGeneration) return true
  return (
    session.secretGeneration === project.secretGeneration - 1 &&
    project.previousValidUntil !== null &&
    now < project.previousValidUntil
  )
}

/**
 * The person signed in to this project's portal on this request, or null (anonymous). The
 * portal's pages show them; its writes act as them, exactly as a verified token would.
 */
export async function portalPersonOf(
  c: Context,
  project: ProjectRecord,
  deps: PortalSessionDeps,
): Promise<PersonFacts | null> {
  return (await liveSession(c, deps, project))?.person ?? null
}

/** Sign-out: the server forgets the session and the browser its cookie. */
export async function endPortalSession(
  c: Context,
  deps: PortalSessionDeps,
  project: ProjectRecord,
): Promise<void> {
  const sessionId = getCookie(c, PORTAL_SESSION_COOKIE)
  if (sessionId) await deps.store.portalSessions.revoke(project.id, hashSecretCode(sessionId))
  deleteCookie(c, PORTAL_SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'Lax',
    path: cookiePath(c, deps, project),
    secure: isSecure(c, deps, project),
  })
}

/**
 * CSRF for the portal: a write carrying the session cookie must come from a page of the
 * portal itself (its Origin), else 403 csrf_rejected. Without the cookie the write acts as
 * nobody in particular, so any origin may send it (as the public API allows).
 */
export function assertPortalOrigin(
  c: Context,
  deps: PortalSessionDeps,
  project: ProjectRecord,
): void {
  if (!carriesPortalSession(c)) return
  if (c.req.header('Origin') === portalHome(c, deps, project).origin) return
  throw new ApiError(
    'csrf_rejected',
    'This change must come from the portal itself (the Origin header did not match).',
  )
}
