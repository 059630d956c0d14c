import type { Context } from 'hono'
import { Hono } from 'hono'
import type { RequestResponse } from '../../shared/api'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { toPublicRequest } from '../http/wire'
import { enqueueEvent } from '../jobs/events'
import type { Actor, RequestRecord } from '../store'
import type { AfterVoteChange } from '../store/votes-store'
import { requireActor } from './actor'

const VOTE_PATH = '/v1/projects/:projectId/requests/:requestId/vote'

type VoteChange = (
  projectId: string,
  requestId: string,
  actor: Actor,
  now: number,
  after: AfterVoteChange,
) => Promise<RequestRecord | null>

/** POST and DELETE a vote: both idempotent, both answer the request as the caller now sees it. */
export function votesRoutes(deps: RouteDeps) {
  const answer =
    (type: 'vote.created' | 'vote.deleted', change: VoteChange) => async (c: Context<AppEnv>) => {
      const projectId = c.get('project').id
      const actor = requireActor(c)
      const now = deps.clock.now()
      // Kicked only when a job was queued: with no endpoint listening, a vote wakes nothing.
      let queued = false
      const request = await change(
        projectId,
        c.req.param('requestId') ?? '',
        actor,
        now,
        async (tx, voted) => {
          const { id: requestId, votes, mrrCents } = voted
          queued = await enqueueEvent(
            tx,
            { type, projectId, requestId, voter: actor.voter, votes, mrrCents },
            now,
          )
        },
      )
      if (!request) throw notFound.request()
      await deps.caches.invalidateProject(projectId)
      if (queued) deps.notifications.runner.kick()
      return c.json({ request: toPublicRequest(request, actor.voter) } satisfies RequestResponse)
    }
  return new Hono<AppEnv>()
    .post(
      VOTE_PATH,
      answer('vote.created', (...args) => deps.store.votes.cast(...args)),
    )
    .delete(
      VOTE_PATH,
      answer('vote.deleted', (...args) => deps.store.votes.retract(...args)),
    )
}
