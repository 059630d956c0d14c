import type { Context } from 'hono'
import { notFound } from '../errors'
import type { UnitOfWork } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import type { InviteRecord } from '../store/invites-store'
import type { TeamMember } from '../store/members-store'
import { startSession } from './session-cookie'

export const invalidResetLink = () => notFound.thing('This link was used, revoked or has expired.')

/**
 * Sets a new password through a reset link (an owner's or an emailed one), inside `w`: the link
 * is spent, every other pending link of that person is voided, every session of the member is
 * signed out, and this browser gets a new one. Throws 404 when someone used the link first.
 */
export async function resetPasswordWithLink(
  w: UnitOfWork,
  c: Context<AppEnv>,
  deps: RouteDeps,
  input: { link: InviteRecord; passwordHash: string; name?: string },
): Promise<TeamMember> {
  const { link } = input
  if (link.memberId === null) throw invalidResetLink()
  if (!(await w.store.invites.markAccepted(link.id, w.now, w.tx))) throw invalidResetLink()
  await w.store.invites.voidPendingFor({ email: link.email, memberId: link.memberId }, w.now, w.tx)
  const existing = await w.store.members.findById(link.memberId, w.tx)
  if (!existing) throw invalidResetLink()
  await w.store.members.setPassword(
    existing.id,
    { passwordHash: input.passwordHash, name: input.name },
    w.tx,
  )
  // Whoever knew the old password (or holds a session made with it) is signed out.
  await w.store.sessions.removeAllFor(existing.id, null, w.tx)
  await w.audit({
    actor: existing.email,
    action: 'member.password_reset',
    target: existing.email,
    projectId: null,
  })
  await startSession(c, deps, existing.id, w.tx)
  return { ...existing, name: input.name ?? existing.name }
}
