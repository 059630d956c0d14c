import type { Context } from 'hono'
import type { AppEnv } from '../http/env'
import type { PersonFacts, ProjectRecord } from '../store'

/**
 * The portal session cookie (set by GET /p/{pid}/sso, portal-sso.ts). Its presence alone makes a
 * portal write need the portal's own Origin (portal-origin.ts), whatever the session is worth.
 */
export const PORTAL_SESSION_COOKIE = 'reqio_portal_session'

/**
 * The person signed in to this project's portal, or null (an anonymous visitor).
 * A placeholder until portal-sso stores sessions: everyone is anonymous.
 */
export async function portalPersonOf(
  _c: Context<AppEnv>,
  _project: ProjectRecord,
): Promise<PersonFacts | null> {
  return null
}
