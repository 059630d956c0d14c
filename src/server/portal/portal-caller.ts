import type { MiddlewareHandler } from 'hono'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { anonymousVoter, personVoter } from '../store'
import { portalAnonymousId } from './portal-anonymous-id'
import { assertPortalOrigin, portalPersonOf } from './portal-session'
import { portalSettingsOf } from './portal-settings'

/**
 * For the portal's writes (/p/:projectId/...), what http/caller.ts is for the public API: loads
 * the project (a disabled portal is not there: 404), checks the Origin when the session cookie
 * came (portal-session.ts), then
 * sets `actor`: the portal session's person, else the anonymous visitor. After it the public
 * API's own limits and handlers run unchanged.
 */
export function resolvePortalCaller(deps: RouteDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const projectId = c.req.param('projectId') ?? ''
    const project = await deps.caches.project(projectId)
    if (!project || !portalSettingsOf(project).enabled) throw notFound.project(projectId)
    c.set('project', project)
    assertPortalOrigin(c, deps, project)
    const person = await portalPersonOf(c, project, deps)
    if (person) {
      c.set('anonymousId', null)
      c.set('actor', { voter: personVoter(person.sub), person })
    } else {
      const anonymousId = portalAnonymousId(c, project)
      c.set('anonymousId', anonymousId)
      c.set('actor', { voter: anonymousVoter(anonymousId), person: null })
    }
    return next()
  }
}
