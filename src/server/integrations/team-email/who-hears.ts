import type { ReqioEvent } from '../../events/events'
import type { NotifyContext } from '../../jobs/notify/context'
import type { SqlExecutor } from '../../store/db'
import { membersWhoWant, type TeamEmailKind } from '../../store/team-email-settings-store'
import { insertTeamMailItems } from '../../store/team-mail-store'

type EventOf<T extends ReqioEvent['type']> = Extract<ReqioEvent, { type: T }>

/**
 * Team email (spec/api.md v3 "The team's tools"), who hears: the members who want this kind of
 * news get a line in their next email about the project, coalesced like customers' emails (one
 * job per member and project waits out the window and takes every line that arrived). Never
 * the member whose own action it was, and nothing at all unless email leaves by SMTP (demo
 * mode's kept mail is the customers' alone).
 */
export async function tellTeamOf(
  tx: SqlExecutor,
  ctx: NotifyContext,
  event: EventOf<'request.created'> | EventOf<'comment.created'>,
): Promise<void> {
  if (!ctx.smtpEnabled) return
  const line = lineOf(event)
  if (!line) return
  const memberIds = await membersWhoWant(
    tx,
    event.projectId,
    line.kind,
    event.teamMemberEmail ?? null,
  )
  await insertTeamMailItems(tx, {
    projectId: event.projectId,
    memberIds,
    kind: line.kind,
    requestId: event.requestId,
    commentId: line.commentId,
    sendAt: ctx.now + ctx.coalesceSeconds * 1000,
    now: ctx.now,
  })
}

/** What the event is to the team: a new request, a customer's comment, or nothing (a team reply). */
function lineOf(
  event: EventOf<'request.created'> | EventOf<'comment.created'>,
): { kind: TeamEmailKind; commentId: string | null } | null {
  if (event.type === 'request.created') return { kind: 'request', commentId: null }
  // The team's own replies and internal notes are the team talking: nobody is emailed.
  if (event.kind === 'team' || event.internal) return null
  return { kind: 'comment', commentId: event.commentId }
}
