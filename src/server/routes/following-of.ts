import type { Context } from 'hono'
import type { AppEnv, RouteDeps } from '../http/env'
import { isFollowing } from '../store/following-store'

/** Whether the caller follows `requestId`: anonymous callers never do (nobody could tell them). */
export async function followingOf(
  deps: RouteDeps,
  c: Context<AppEnv>,
  requestId: string,
): Promise<boolean> {
  const person = c.get('actor')?.person
  if (!person) return false
  return isFollowing(deps.store.db, c.get('project').id, requestId, person.sub)
}
