import { Hono } from 'hono'
import type { RequestResponse } from '../../shared/api'
import { ApiError } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { toPublicRequest } from '../http/wire'
import { requireActor } from './actor'

const VOTE_PATH = '/v1/projects/:projectId/requests/:requestId/vote'

/** POST and DELETE a vote: both idempotent, both answer the request as the caller now sees it. */
export function votesRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post(VOTE_PATH, async (c) => {
      const request = await deps.store.votes.cast(
        c.get('project').id,
        c.req.param('requestId'),
        requireActor(c),
        deps.clock.now(),
      )
      if (!request) throw requestNotFound()
      deps.caches.invalidateProject(c.get('project').id)
      return c.json({ request: toPublicRequest(request) } satisfies RequestResponse)
    })
    .delete(VOTE_PATH, async (c) => {
      const request = await deps.store.votes.retract(
        c.get('project').id,
        c.req.param('requestId'),
        requireActor(c),
        deps.clock.now(),
      )
      if (!request) throw requestNotFound()
      deps.caches.invalidateProject(c.get('project').id)
      return c.json({ request: toPublicRequest(request) } satisfies RequestResponse)
    })
}

export function requestNotFound(): ApiError {
  return new ApiError(404, 'request_not_found', 'No such request in this project.')
}
