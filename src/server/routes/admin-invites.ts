import { Hono } from 'hono'
import * as v from 'valibot'
import type { CreatedInvite, PendingInvite } from '../../shared/team-api'
import { copyLinkOnlyDelivery } from '../auth/invite-delivery'
import { EmailSchema, issueInvite, publicBase, RoleSchema, toPendingInvite } from '../auth/members'
import { auditActor } from '../auth/team-actor'
import { ApiError, conflict, notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'

export const InviteSchema = v.object({ email: EmailSchema, role: RoleSchema })

/** Owner (or admin token): invite by email with a role, list pending invites, revoke one. */
export function adminInvitesRoutes(deps: RouteDeps) {
  const delivery = deps.inviteDelivery ?? copyLinkOnlyDelivery
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { email, role } = await readJsonBody(c, InviteSchema)
      if (await deps.store.members.findByEmail(email))
        throw conflict(
          `${email} is on the team already. To reset their password, issue a reset link from Members.`,
        )
      const actor = auditActor(c)
      const invite = await commit(deps, c, async (w) => {
        const created = await issueInvite(
          deps,
          { email, role, memberId: null, createdBy: actor, origin: publicBase(deps, c) },
          w.tx,
        )
        await w.audit({ action: 'member.invited', target: email, detail: { role } })
        return created
      })
      await delivery.deliver(invite, actor).catch((error) => {
        // Never the address: logs are kept and shipped.
        deps.logger.warn(`invite ${invite.id} was stored but not delivered`, { err: String(error) })
      })
      const body: { invite: CreatedInvite } = { invite }
      return c.json(body, 201)
    })
    .get('/', async (c) => {
      const pending = await deps.store.invites.listPending(deps.clock.now())
      const body: { invites: PendingInvite[] } = { invites: pending.map(toPendingInvite) }
      return c.json(body)
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id')
      const revoked = await commit(deps, c, async (w) => {
        const invite = await w.store.invites.revoke(id, w.now, w.tx)
        if (invite) await w.audit({ action: 'invite.revoked', target: invite.email })
        return invite
      })
      if (!revoked) throw notFound.thing('No pending invite with that id.')
      return c.body(null, 204)
    })
}
