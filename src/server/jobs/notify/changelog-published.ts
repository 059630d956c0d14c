import type { ReqioEvent } from '../../events/events'
import { requestFacts } from '../../store/audience-store'
import type { SqlExecutor } from '../../store/db'
import { type NotifyContext, tellAudience, tellWebhooks } from './context'

/**
 * changelog.published: everyone who wrote, voted or commented on a linked request hears it
 * shipped (a `shipped` update per request; the emails coalesce per person), and webhooks hear
 * the entry once.
 */
export async function onChangelogPublished(
  tx: SqlExecutor,
  ctx: NotifyContext,
  event: Extract<ReqioEvent, { type: 'changelog.published' }>,
): Promise<void> {
  const requests = []
  for (const requestId of event.requestIds) {
    const request = await requestFacts(tx, event.projectId, requestId)
    if (!request) continue
    requests.push({ id: request.id, title: request.title })
    await tellAudience(tx, ctx, {
      projectId: event.projectId,
      request,
      kind: 'shipped',
      note: event.title,
      teamMemberEmail: event.teamMemberEmail,
    })
  }
  tellWebhooks(ctx, event, {
    entry: { id: event.entryId, title: event.title, requestIds: event.requestIds },
    requests,
  })
}
