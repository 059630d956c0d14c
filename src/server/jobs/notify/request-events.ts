import type { ReqioEvent } from '../../events/events'
import { moveFollowers, type RequestFacts, requestFacts } from '../../store/audience-store'
import type { SqlExecutor } from '../../store/db'
import { type NotifyContext, tellAudience, tellWebhooks } from './context'

type EventOf<T extends ReqioEvent['type']> = Extract<ReqioEvent, { type: T }>

/** The request as webhooks carry it; `author` with sub, email, mrrCents and company. */
export function webhookRequest(request: RequestFacts) {
  return {
    id: request.id,
    title: request.title,
    body: request.body,
    status: request.status,
    votes: request.votes,
    mrrCents: request.mrrCents,
    createdAt: request.createdAt,
    mergedInto: request.mergedInto,
    author: request.author,
  }
}

/** request.created: the author knows already; only webhooks hear. */
export async function onRequestCreated(
  tx: SqlExecutor,
  ctx: NotifyContext,
  event: EventOf<'request.created'>,
): Promise<void> {
  const request = await requestFacts(tx, event.projectId, event.requestId)
  if (!request) return
  tellWebhooks(ctx, event, { request: webhookRequest(request) })
}

/**
 * request.updated: a status change reaches everyone who wrote, voted or commented (with the
 * team's note); a title change only the webhooks.
 */
export async function onRequestUpdated(
  tx: SqlExecutor,
  ctx: NotifyContext,
  event: EventOf<'request.updated'>,
): Promise<void> {
  const request = await requestFacts(tx, event.projectId, event.requestId)
  if (!request) return
  const status = event.changes.status
  if (status && status.from !== status.to) {
    await tellAudience(tx, ctx, {
      projectId: event.projectId,
      // The status this event moved it to, even if a later change already moved it on.
      request: { ...request, status: status.to },
      kind: 'status',
      note: event.statusNote ?? null,
      teamMemberEmail: event.teamMemberEmail,
    })
  }
  tellWebhooks(ctx, event, {
    request: webhookRequest(request),
    changes: Object.keys(event.changes),
    previous: Object.fromEntries(
      Object.entries(event.changes).map(([field, change]) => [field, change?.from]),
    ),
    statusNote: event.statusNote ?? null,
  })
}

/** request.merged: the source's followers follow the target from now on; webhooks hear. */
export async function onRequestMerged(
  tx: SqlExecutor,
  ctx: NotifyContext,
  event: EventOf<'request.merged'>,
): Promise<void> {
  await moveFollowers(tx, event.requestId, event.intoId)
  const source = await requestFacts(tx, event.projectId, event.requestId)
  const target = await requestFacts(tx, event.projectId, event.intoId)
  if (!source || !target) return
  tellWebhooks(ctx, event, { request: webhookRequest(source), into: webhookRequest(target) })
}
