import { personBySub, requestFacts } from '../../store/audience-store'
import type { SqlExecutor } from '../../store/db'
import type { ReqioEvent } from '../events'
import { queueWebhookDeliveries } from '../webhooks/queue-deliveries'
import type { NotifyContext } from './context'
import { webhookRequest } from './request-events'

/** vote.created and vote.deleted: only webhooks hear, with the voter when identified. */
export async function onVote(
  tx: SqlExecutor,
  ctx: NotifyContext,
  event: Extract<ReqioEvent, { type: 'vote.created' | 'vote.deleted' }>,
): Promise<void> {
  const request = await requestFacts(tx, event.projectId, event.requestId)
  if (!request) return
  const person = event.voter.startsWith('s:')
    ? await personBySub(tx, event.projectId, event.voter.slice(2))
    : null
  await queueWebhookDeliveries(tx, {
    projectId: event.projectId,
    type: event.type,
    data: {
      request: { ...webhookRequest(request), votes: event.votes, mrrCents: event.mrrCents },
      voter: person
        ? {
            sub: person.sub,
            email: person.email,
            mrrCents: person.mrrCents,
            company: person.company,
          }
        : null,
    },
    now: ctx.now,
  })
}
