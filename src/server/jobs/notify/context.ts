import { type AudienceMember, type RequestFacts, requestAudience } from '../../store/audience-store'
import type { SqlExecutor } from '../../store/db'
import { insertMailItems, type MailItemDetail } from '../../store/mail-store'
import { insertPersonUpdates, type UpdateKind } from '../../store/updates-store'
import type { WebhookEvent } from '../webhooks/queue-deliveries'

/** What the per-event files need to know beyond the event. */
export interface NotifyContext {
  now: number
  /** False when there is no SMTP and no demo Sent mail: then no mail is even queued. */
  mailEnabled: boolean
  /** True only when email leaves by SMTP: team email is sent then only, never kept (demo). */
  smtpEnabled: boolean
  coalesceSeconds: number
  /**
   * What the project's endpoints are to hear: collected while a batch of events fans out,
   * then queued in one statement (fanOutEvents), in the same transaction.
   */
  webhooks: WebhookEvent[]
}

/**
 * Tells the project's webhook endpoints about `event` with `data` as its payload: queued with the
 * rest of the batch (fanOutEvents), each endpoint hearing only the types it subscribed to.
 */
export function tellWebhooks(
  ctx: NotifyContext,
  event: { projectId: string; type: string },
  data: unknown,
): void {
  ctx.webhooks.push({ projectId: event.projectId, type: event.type, data })
}

/**
 * Tells everyone who follows `request` (wrote, voted for or commented on it, unless they
 * unfollowed it) and did not turn this kind of news off: an update in their widget and, if they
 * gave an email and did not unsubscribe, a line in their next email. The team member who made
 * the change hears nothing of it.
 */
export async function tellAudience(
  tx: SqlExecutor,
  ctx: NotifyContext,
  input: {
    projectId: string
    request: RequestFacts
    kind: UpdateKind
    note: string | null
    by?: string | null
    teamMemberEmail: string | null
  },
): Promise<AudienceMember[]> {
  const audience = withoutTeamMember(
    await requestAudience(tx, input.projectId, input.request.id, input.kind),
    input.teamMemberEmail,
  )
  await insertPersonUpdates(tx, {
    projectId: input.projectId,
    personIds: audience.map((member) => member.personId),
    requestId: input.request.id,
    kind: input.kind,
    title: input.request.title,
    status: input.request.status,
    now: ctx.now,
  })
  if (ctx.mailEnabled) {
    const detail: MailItemDetail = {
      kind: input.kind,
      requestId: input.request.id,
      requestTitle: input.request.title,
      status: input.request.status,
      note: input.note,
      by: input.by ?? null,
    }
    await insertMailItems(tx, {
      projectId: input.projectId,
      personIds: emailable(audience).map((member) => member.personId),
      detail,
      sendAt: ctx.now + ctx.coalesceSeconds * 1000,
      now: ctx.now,
    })
  }
  return audience
}

export function withoutTeamMember(
  audience: AudienceMember[],
  teamMemberEmail: string | null,
): AudienceMember[] {
  if (!teamMemberEmail) return audience
  const skip = teamMemberEmail.trim().toLowerCase()
  return audience.filter((member) => member.email?.trim().toLowerCase() !== skip)
}

export function emailable(audience: AudienceMember[]): AudienceMember[] {
  return audience.filter((member) => member.email && !member.unsubscribed)
}
