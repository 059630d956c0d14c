import type { Clock } from '../clock'
import type { SqlExecutor } from '../store/db'
import type { ClaimedJob } from '../store/jobs-store'
import type { ReqioEvent } from './events'
import { onChangelogPublished } from './notify/changelog-published'
import { onCommentCreated } from './notify/comment-created'
import type { NotifyContext } from './notify/context'
import { onRequestCreated, onRequestMerged, onRequestUpdated } from './notify/request-events'
import { onVote } from './notify/vote-events'
import type { JobHandler } from './runner'

/** Decides who hears `event`, writing their updates, mail items and webhook deliveries in `tx`. */
export async function fanOutEvent(
  tx: SqlExecutor,
  ctx: NotifyContext,
  event: ReqioEvent,
): Promise<void> {
  switch (event.type) {
    case 'request.created':
      return onRequestCreated(tx, ctx, event)
    case 'request.updated':
      return onRequestUpdated(tx, ctx, event)
    case 'request.merged':
      return onRequestMerged(tx, ctx, event)
    case 'vote.created':
    case 'vote.deleted':
      return onVote(tx, ctx, event)
    case 'comment.created':
      return onCommentCreated(tx, ctx, event)
    case 'changelog.published':
      return onChangelogPublished(tx, ctx, event)
  }
}

/**
 * An event job does all its work in the transaction that removes it: everyone hears exactly
 * once, or (if anything fails) nobody yet and the job runs again.
 */
export function eventJobHandler(options: {
  clock: Clock
  mailEnabled: boolean
  coalesceSeconds: number
}): JobHandler<void> {
  return {
    retrySeconds: [1, 5, 30, 120, 600, 1800, 3600],
    async run() {},
    async onSuccess(tx: SqlExecutor, job: ClaimedJob) {
      await fanOutEvent(
        tx,
        {
          now: options.clock.now(),
          mailEnabled: options.mailEnabled,
          coalesceSeconds: options.coalesceSeconds,
        },
        job.payload as ReqioEvent,
      )
    },
  }
}
