import { type Context, Hono } from 'hono'
import { signInHref } from '../../portal/sso/sign-in-control'
import { renderPortalNotFound, renderSignInFailed } from '../../portal/sso/sign-in-failed'
import { MESSAGE_PAGE_CSP } from '../../portal/sso/sso-message-page'
import { type PortalLang, portalLangOf } from '../../portal/sso/sso-strings'
import { ApiError } from '../errors'
import { noteAuthFailure } from '../http/auth-failure'
import { clientIp } from '../http/client-address'
import type { AppEnv, RouteDeps } from '../http/env'
import { refuseIfLimited } from '../http/rate-limit'
import { TokenError } from '../identity/verify-token'
import { clientNetwork } from '../limits/client-network'
import type { ProjectRecord } from '../store'
import { safeReturnTo } from './portal-return-to'
import {
  assertPortalOrigin,
  endPortalSession,
  portalHome,
  startPortalSession,
} from './portal-session'
import { portalSettingsOf } from './portal-settings'

/**
 * The portal's sign-in from the customer's app (spec/api.md "Signing in from the customer's
 * app"): `GET /p/{pid}/sso?token=&return_to=` and `POST /p/{pid}/sso/logout`. Nothing here is
 * cached by anyone: each answer is for one browser.
 */
export function portalSsoRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/p/:projectId/sso', async (c) => {
      noStoreAndStrictCsp(c)
      const lang = langOf(c)
      const project = await enabledPortalProject(deps, c.req.param('projectId'))
      if (!project) return c.html(renderPortalNotFound(lang), 404)
      await spendWriteBudget(deps, c)
      const home = portalHome(c, deps, project)
      const returnTo = safeReturnTo(c.req.query('return_to'), home)
      try {
        const verification = await deps.verifier.verify(project, c.req.query('token') ?? '')
        if (!verification.cached) {
          await deps.store.people.remember(project.id, verification.facts, deps.clock.now())
        }
        await startPortalSession(
          c,
          deps,
          project,
          verification.facts,
          verification.previousValidUntilMs !== null,
        )
      } catch (error) {
        if (!(error instanceof TokenError)) throw error
        noteAuthFailure(c, 'identity_token')
        const { ssoUrl } = portalSettingsOf(project)
        const page = renderSignInFailed({
          lang,
          code: error.code,
          boardUrl: `${home.origin}${home.path || '/'}`,
          retryUrl: ssoUrl ? signInHref(ssoUrl, returnTo) : null,
        })
        return c.html(page, 401)
      }
      return c.redirect(returnTo, 302)
    })
    .post('/p/:projectId/sso/logout', async (c) => {
      noStoreAndStrictCsp(c)
      const project = await enabledPortalProject(deps, c.req.param('projectId'))
      if (!project) return c.html(renderPortalNotFound(langOf(c)), 404)
      assertPortalOrigin(c, deps, project)
      await spendWriteBudget(deps, c)
      await endPortalSession(c, deps, project)
      const form = await formOf(c)
      // 303: the browser follows with a GET, so a reload does not post the form again.
      return c.redirect(safeReturnTo(form.return_to, portalHome(c, deps, project)), 303)
    })
}

/** The project, unless it does not exist or its portal is turned off (both: a plain 404). */
async function enabledPortalProject(
  deps: RouteDeps,
  projectId: string,
): Promise<ProjectRecord | null> {
  const project = await deps.caches.project(projectId)
  if (!project || !portalSettingsOf(project).enabled) return null
  return project
}

/**
 * A sign-in or sign-out writes a session row: it spends the IP's write budget, the one the
 * public API's writes spend (REQIO_IP_WRITES_PER_MINUTE), so sign-ins cannot fill the table.
 */
async function spendWriteBudget(deps: RouteDeps, c: Context): Promise<void> {
  const network = clientNetwork(clientIp(c))
  const verdict = await deps.rateLimiter.spend(
    `write\u0000${network}`,
    deps.config.ipWritesPerMinute,
    60_000,
  )
  refuseIfLimited(verdict, 'ip_writes')
}

/** Each answer is for one browser; the pages run nothing and are framed by nobody. */
function noStoreAndStrictCsp(c: Context): void {
  c.header('Cache-Control', 'no-store')
  c.header('Content-Security-Policy', MESSAGE_PAGE_CSP)
  c.header('X-Frame-Options', 'DENY')
}

function langOf(c: Context): PortalLang {
  return portalLangOf(c.req.query('lang'), c.req.header('Accept-Language'))
}

/** The sign-out form's fields; anything that is not a form (or not a string) is ignored. */
async function formOf(c: Context): Promise<{ return_to?: string }> {
  const type = c.req.header('Content-Type') ?? ''
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return {}
  try {
    const body = await c.req.parseBody()
    return typeof body.return_to === 'string' ? { return_to: body.return_to } : {}
  } catch (error) {
    if (error instanceof ApiError) throw error
    return {}
  }
}
