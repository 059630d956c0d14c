import type { Context } from 'hono'
import { PENDING_STATUS } from '../../shared/api'
import type { AppEnv, RouteDeps } from '../http/env'
import type { Actor, RequestRecord } from '../store'
import { anonymousVoter } from '../store/types'

/**
 * v3 moderation on the public side (spec/api.md "Spam and deletion"): which new requests wait
 * for the team's approval, and who may see a request that waits or was deleted.
 */

/** Whether a request the caller files now waits for approval (the team's own never do). */
export function awaitsApproval(c: Context<AppEnv>, actor: Actor): boolean {
  if (c.get('teamMember') !== undefined || c.get('apiKey') !== undefined) return false
  const mode = c.get('project').settings.moderation
  return mode === 'all' || (mode === 'anonymous' && actor.person === null)
}

/**
 * The voter keys the caller is known by: their token's person or anonymous id, and the browser's
 * anonymous id beside a token (the author of a request filed before they signed in).
 */
export function callerVoters(c: Context<AppEnv>): string[] {
  const voters: string[] = []
  const actor = c.get('actor')
  if (actor) voters.push(actor.voter)
  const anonymousId = c.get('anonymousId')
  if (anonymousId) voters.push(anonymousVoter(anonymousId))
  return voters
}

/**
 * Whether the public may see `request` as one of `voters`: never once deleted; while pending,
 * only its author (anyone else gets the 404 an unknown request gets).
 */
export function shownTo(request: RequestRecord, voters: readonly (string | null)[]): boolean {
  if (request.deletedAt !== null) return false
  return request.status !== PENDING_STATUS || voters.includes(request.authorVoter)
}

/**
 * The board as `voter` sees it: their own requests waiting for approval first, then `shown`
 * (the board everyone sees). A search shows only what everyone sees.
 */
export async function withOwnPending(
  deps: Pick<RouteDeps, 'store'>,
  projectId: string,
  voter: string | null,
  q: string | null | undefined,
  shown: RequestRecord[],
): Promise<RequestRecord[]> {
  if (voter === null || q) return shown
  const own = await deps.store.moderation.ownPending(projectId, voter)
  return own.length === 0 ? shown : [...own, ...shown]
}
