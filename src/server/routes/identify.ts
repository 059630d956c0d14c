import { Hono } from 'hono'
import type { IdentifyResponse } from '../../shared/api'
import { unauthorized } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'

/**
 * POST /v1/projects/:projectId/identify: links the anonymous id to the token's person and
 * merges its votes and requests into theirs. Idempotent.
 */
export function identifyRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().post('/v1/projects/:projectId/identify', async (c) => {
    const person = c.get('actor')?.person
    if (!person) throw unauthorized('identify needs an identity token.')
    const anonymousId = c.get('anonymousId')
    const projectId = c.get('project').id
    if (anonymousId) {
      await deps.store.votes.linkAnonymous(projectId, anonymousId, person, deps.clock.now())
    } else {
      await deps.store.people.remember(projectId, person, deps.clock.now())
    }
    await deps.caches.invalidateProject(projectId)
    return c.json({ user: { id: person.sub } } satisfies IdentifyResponse)
  })
}
