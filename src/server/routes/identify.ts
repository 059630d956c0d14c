import { Hono } from 'hono'
import type { IdentifyResponse } from '../../shared/api'
import { ApiError, unauthorized } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'

/**
 * POST /v1/projects/:projectId/identify: links the anonymous id to the token's person and
 * merges its votes and requests into theirs. Idempotent; tells nobody (no event).
 */
export function identifyRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().post('/v1/projects/:projectId/identify', async (c) => {
    const person = c.get('actor')?.person
    if (!person) throw unauthorized('identify needs an identity token.')
    const anonymousId = c.get('anonymousId')
    const projectId = c.get('project').id
    await commit(deps, c, async (w) => {
      if (anonymousId) await w.store.votes.linkAnonymous(projectId, anonymousId, person, w.now)
      else await w.store.people.remember(projectId, person, w.now)
    })
    return c.json({ user: { id: person.sub } } satisfies IdentifyResponse)
  })
}
