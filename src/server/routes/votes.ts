import type { Context } from 'hono'
import { Hono } from 'hono'
import type { RequestResponse } from '../../shared/api'
import { notFound } from '../errors'
import { voteChanged } from '../events/build'
import { commit, type UnitOfWork } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { toPublicRequest } from '../http/wire'
import type { RequestRecord } from '../store'
import { requireActor } from './actor'

const VOTE_PATH = '/v1/projects/:projectId/requests/:requestId/vote'

export type VoteChange = 'vote.created' | 'vote.deleted'

/** POST and DELETE a vote: both idempotent, both answer the request as the caller now sees it. */
export function votesRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post(VOTE_PATH, voteHandler(deps, 'vote.created'))
    .delete(VOTE_PATH, voteHandler(deps, 'vote.deleted'))
}

/** The public answer to a vote or its retraction, shared with the portal (portal/portal-writes.ts). */
export function voteHandler(deps: RouteDeps, type: VoteChange) {
  return async (c: Context<AppEnv>) => {
    const { request, actor } = await changeVote(deps, c, type)
    return c.json({ request: toPublicRequest(request, actor.voter) } satisfies RequestResponse)
  }
}

/**
 * Casts or retracts the caller's vote on `requestId` (by default the path's `:requestId`).
 * `alsoWhenChanged` adds to the same transaction when the vote did change (the team's audit
 * line for a vote on a customer's behalf: admin-on-behalf.ts).
 */
export async function changeVote(
  deps: RouteDeps,
  c: Context<AppEnv>,
  type: VoteChange,
  requestId = c.req.param('requestId') ?? '',
  alsoWhenChanged?: (w: UnitOfWork, request: RequestRecord) => Promise<void>,
) {
  const actor = requireActor(c)
  const projectId = c.get('project').id
  const request = await commit(deps, c, async (w) => {
    const votes = w.store.votes
    const result =
      type === 'vote.created'
        ? await votes.cast(projectId, requestId, actor, w.now)
        : await votes.retract(projectId, requestId, actor, w.now)
    if (!result) throw notFound.request()
    // A repeated vote changes nothing, tells nobody and leaves the cached board alone.
    if (result.changed) await w.emit(voteChanged(type, result.request, actor.voter))
    else w.nothingChanged()
    if (result.changed && alsoWhenChanged) await alsoWhenChanged(w, result.request)
    return result.request
  })
  return { request, actor }
}
