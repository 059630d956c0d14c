import type { Context } from 'hono'
import { Hono } from 'hono'
import type { RequestResponse } from '../../shared/api'
import { ApiError } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { toPublicRequest } from '../http/wire'
import type { Actor, RequestRecord } from '../store'
import { requireActor } from './actor'

const VOTE_PATH = '/v1/projects/:projectId/requests/:requestId/vote'

type VoteChange = (
  projectId: string,
  requestId: string,
  actor: Actor,
  now: number,
) => Promise<RequestRecord | null>

/** POST and DELETE a vote: both idempotent, both answer the request as the caller now sees it. */
export function votesRoutes(deps: RouteDeps) {
  const answer = (change: VoteChange) => async (c: Context<AppEnv>) => {
    const projectId = c.get('project').id
    const actor = requireActor(c)
    const request = await change(projectId, c.req.param('requestId') ?? '', actor, deps.clock.now())
    if (!request) throw requestNotFound()
    await deps.caches.invalidateProject(projectId)
    return c.json({ request: toPublicRequest(request, actor.voter) } satisfies RequestResponse)
  }
  return new Hono<AppEnv>()
    .post(
      VOTE_PATH,
      answer((...args) => deps.store.votes.cast(...args)),
    )
    .delete(
      VOTE_PATH,
      answer((...args) => deps.store.votes.retract(...args)),
    )
}

export function requestNotFound(): ApiError {
  return new ApiError(404, 'request_not_found', 'No such request in this project.')
}
