import type { RequestDetail } from '../validate'
import { type BoardContext, guard, reportFailure } from './part'
import type { Thread } from './thread'

/**
 * Follow / Following in the request view (spec/api.md v3 "Following"), for identified people:
 * shown at once as wanted, set back if the server refuses. The server's answer counts.
 */
export function createFollowToggle(ctx: BoardContext, thread: Thread) {
  /** The open request's following, with the rest of the thread as it is now. */
  const showFollowing = (id: string, following: boolean) => {
    const { detail } = thread.get()
    if (detail && detail.id === id) thread.swapIn({ ...detail, following } as RequestDetail)
  }
  let busy = false
  return {
    /** Whether the toggle shows: someone identified, and a server that says where they stand. */
    shown: () => ctx.core.isIdentified() && typeof thread.get().detail?.following === 'boolean',
    toggle: guard(ctx, async () => {
      const { detail } = thread.get()
      if (!detail || busy) return
      busy = true
      const { id } = detail
      const wanted = !detail.following
      showFollowing(id, wanted)
      const { api } = ctx.core
      const result = await (wanted ? api.follow(id) : api.unfollow(id)).finally(() => {
        busy = false
      })
      if (result.ok) return showFollowing(id, result.data.following === true)
      showFollowing(id, !wanted)
      ctx.tell(reportFailure(ctx, result.error))
    }),
  }
}
