import type { ReqioEvent } from '../../events/events'
import { factsKey, peopleBySub, requestFactsMany } from '../../store/audience-store'
import type { SqlExecutor } from '../../store/db'
import { parseVoter } from '../../store/types'
import { type NotifyContext, tellWebhooks } from './context'
import { webhookRequest } from './request-events'

type VoteEvent = Extract<ReqioEvent, { type: 'vote.created' | 'vote.deleted' }>

/**
 * vote.created and vote.deleted: only webhooks hear, with the voter when identified. Votes
 * are the busiest events by far, so a batch of them reads its requests and voters with two
 * statements, not two per vote.
 */
export async function onVotes(
  tx: SqlExecutor,
  ctx: NotifyContext,
  events: VoteEvent[],
): Promise<void> {
  const requests = await requestFactsMany(tx, events)
  const identified = events.flatMap((event) => {
    const voter = parseVoter(event.voter)
    return voter.kind === 'person' ? [{ projectId: event.projectId, sub: voter.sub }] : []
  })
  const people = await peopleBySub(tx, identified)
  for (const event of events) {
    const request = requests.get(factsKey(event.projectId, event.requestId))
    if (!request) continue
    const voter = parseVoter(event.voter)
    const person =
      voter.kind === 'person' ? people.get(factsKey(event.projectId, voter.sub)) : undefined
    tellWebhooks(ctx, event, {
      request: { ...webhookRequest(request), votes: event.votes, mrrCents: event.mrrCents },
      voter: person
        ? {
            sub: person.sub,
            email: person.email,
            mrrCents: person.mrrCents,
            company: person.company,
          }
        : null,
    })
  }
}
