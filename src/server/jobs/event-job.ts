import type { Clock } from '../clock'
import type { ReqioEvent } from '../events/events'
import { queueSlackNews } from '../integrations/slack/slack-news'
import type { SqlExecutor } from '../store/db'
import type { FinishedJob, JobHandler } from './job-handler'
import { onChangelogPublished } from './notify/changelog-published'
import { onCommentCreated } from './notify/comment-created'
import type { NotifyContext } from './notify/context'
import { onRequestCreated, onRequestMerged, onRequestUpdated } from './notify/request-events'
import { onVotes } from './notify/vote-events'
import { queueWebhookDeliveriesMany } from './webhooks/queue-deliveries'

/** Decides who hears `event`, writing their updates and mail items in `tx` (webhooks: ctx). */
async function fanOutEvent(tx: SqlExecutor, ctx: NotifyContext, event: ReqioEvent): Promise<void> {
  switch (event.type) {
    case 'request.created':
      return onRequestCreated(tx, ctx, event)
    case 'request.updated':
      return onRequestUpdated(tx, ctx, event)
    case 'request.merged':
      return onRequestMerged(tx, ctx, event)
    case 'vote.created':
    case 'vote.deleted':
      return onVotes(tx, ctx, [event])
    case 'comment.created':
      return onCommentCreated(tx, ctx, event)
    case 'changelog.published':
      return onChangelogPublished(tx, ctx, event)
  }
}

/**
 * Decides who hears each of `events`, in order, writing their updates, mail items, webhook
 * deliveries and Slack messages in `tx`. Votes, the one kind of event that comes by the
 * hundred per second, are told together (onVotes), and every delivery of the batch is queued
 * with one statement.
 */
export async function fanOutEvents(
  tx: SqlExecutor,
  options: Omit<NotifyContext, 'webhooks'>,
  events: ReqioEvent[],
): Promise<void> {
  const ctx: NotifyContext = { ...options, webhooks: [] }
  type Vote = Extract<ReqioEvent, { type: 'vote.created' | 'vote.deleted' }>
  let votes: Vote[] = []
  for (const event of events) {
    if (event.type === 'vote.created' || event.type === 'vote.deleted') {
      votes.push(event)
      continue
    }
    if (votes.length > 0) await onVotes(tx, ctx, votes)
    votes = []
    await fanOutEvent(tx, ctx, event)
  }
  if (votes.length > 0) await onVotes(tx, ctx, votes)
  await queueWebhookDeliveriesMany(tx, ctx.webhooks, ctx.now)
  // The project's Slack channel hears its own selection, queued in this same transaction.
  await queueSlackNews(tx, events, ctx.now)
}

/**
 * An event job does all its work in the transaction that removes it: everyone hears exactly
 * once, or (if anything fails) nobody yet and the job runs again. A batch of event jobs
 * shares that transaction; if it fails, the runner closes each job on its own.
 */
export function eventJobHandler(options: {
  clock: Clock
  mailEnabled: boolean
  coalesceSeconds: number
}): JobHandler<void> {
  return {
    retrySeconds: [1, 5, 30, 120, 600, 1800, 3600],
    async run() {},
    async onSuccess(tx: SqlExecutor, done: FinishedJob<void>[]) {
      await fanOutEvents(
        tx,
        {
          now: options.clock.now(),
          mailEnabled: options.mailEnabled,
          coalesceSeconds: options.coalesceSeconds,
        },
        done.map(({ job }) => job.payload as ReqioEvent),
      )
    },
  }
}
