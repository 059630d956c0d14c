import { type Context, Hono } from 'hono'
import type { FollowResponse } from '../../shared/api'
import { identityRequired } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { follow, isFollowing, unfollow } from '../store/following-store'
import { standingRequestOrNotFound } from './standing-request'

const FOLLOW_PATH = '/v1/projects/:projectId/requests/:requestId/follow'

/**
 * POST and DELETE …/requests/{rid}/follow (spec/api.md v3 "Following"): identified people
 * only, since only they can be told anything; both idempotent. A merged request's follow lands
 * on the request it went into.
 */
export function followRoutes(deps: RouteDeps) {
  const answer = (wanted: boolean) => async (c: Context<AppEnv>) => {
    const { following } = await changeFollowing(deps, c, wanted)
    return c.json({ following } satisfies FollowResponse)
  }
  return new Hono<AppEnv>().post(FOLLOW_PATH, answer(true)).delete(FOLLOW_PATH, answer(false))
}

/** Follows or unfollows as the caller; shared with the portal's forms (portal/portal-follow.ts). */
export async function changeFollowing(
  deps: RouteDeps,
  c: Context<AppEnv>,
  wanted: boolean,
): Promise<FollowResponse & { requestId: string }> {
  const person = c.get('actor')?.person
  if (!person) throw identityRequired('Only an identified person can follow a request.')
  const projectId = c.get('project').id
  // As the caller sees it (so a request only its author may see yet is theirs to follow).
  const request = await standingRequestOrNotFound(deps, c, c.get('actor')?.voter ?? null)
  const following = await commit(deps, c, async (w) => {
    // Nothing any cached read shows changes: the board and the request stay cached.
    w.nothingChanged()
    if (wanted) await follow(w.tx, projectId, request.id, person.sub, w.now)
    else await unfollow(w.tx, projectId, request.id, person.sub, w.now)
    return isFollowing(w.tx, projectId, request.id, person.sub)
  })
  return { following, requestId: request.id }
}
