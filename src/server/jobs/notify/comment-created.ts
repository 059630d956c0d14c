import type { ReqioEvent } from '../../events/events'
import { personBySub, requestFacts } from '../../store/audience-store'
import type { SqlExecutor } from '../../store/db'
import { type NotifyContext, tellAudience, tellWebhooks } from './context'
import { webhookRequest } from './request-events'

/**
 * comment.created (the commenter already follows the request: enqueueEvent did it); a public team
 * reply reaches everyone who wrote, voted or commented (a `reply` update and email with its
 * text); customer comments and internal notes reach only the webhooks.
 */
export async function onCommentCreated(
  tx: SqlExecutor,
  ctx: NotifyContext,
  event: Extract<ReqioEvent, { type: 'comment.created' }>,
): Promise<void> {
  const request = await requestFacts(tx, event.projectId, event.requestId)
  if (!request) return
  const author = event.authorSub ? await personBySub(tx, event.projectId, event.authorSub) : null
  if (event.kind === 'team' && !event.internal) {
    await tellAudience(tx, ctx, {
      projectId: event.projectId,
      request,
      kind: 'reply',
      note: event.body,
      by: event.authorName,
      teamMemberEmail: event.teamMemberEmail,
    })
  }
  tellWebhooks(ctx, event, {
    request: webhookRequest(request),
    comment: {
      id: event.commentId,
      body: event.body,
      kind: event.kind,
      internal: event.internal,
      author: {
        name: event.authorName,
        sub: author?.sub ?? null,
        email: author?.email ?? null,
        mrrCents: author?.mrrCents ?? null,
        company: author?.company ?? null,
      },
    },
  })
}
