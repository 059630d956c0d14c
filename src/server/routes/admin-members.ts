import { Hono } from 'hono'
import * as v from 'valibot'
import type { CreatedInvite, TeamMemberListed } from '../../shared/team-api'
import { issueInvite, publicBase, RoleSchema, toMemberInfo } from '../auth/members'
import { auditActor } from '../auth/team-actor'
import { ApiError, conflict, notFound } from '../errors'
import { commit, type UnitOfWork } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import type { SqlExecutor } from '../store/db'

export const RoleChangeSchema = v.strictObject({ role: RoleSchema }, 'only role can be changed')

const memberNotFound = () => notFound.thing('No member with that id.')
const lastOwner = () =>
  conflict('This is the last owner: make someone else owner first, so the team keeps one.')

/** Owner (or admin token): the team list, role changes, removals and password-reset links. */
export function adminMembersRoutes(deps: RouteDeps) {
  const members = deps.store.members

  /** Under the team lock, so two owners demoting each other cannot leave none. */
  async function assertOwnerRemains(tx: SqlExecutor, memberRole: string): Promise<void> {
    if (memberRole === 'owner' && (await members.countOwners(tx)) <= 1) throw lastOwner()
  }

  /** Pending invites to their email and reset links die with a role change or a removal. */
  async function voidLinksOf(member: { id: string; email: string }, w: UnitOfWork) {
    await w.store.invites.voidPendingFor({ email: member.email, memberId: member.id }, w.now, w.tx)
  }

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const list = await members.list()
      const body: { members: TeamMemberListed[] } = {
        members: list.map((member) => ({ ...toMemberInfo(member), createdAt: member.createdAt })),
      }
      return c.json(body)
    })
    .patch('/:id', async (c) => {
      const { role } = await readJsonBody(c, RoleChangeSchema)
      const id = c.req.param('id')
      const member = await commit(deps, c, async (w) => {
        await members.lockTeam(w.tx)
        const current = await members.findById(id, w.tx)
        if (!current) throw memberNotFound()
        if (current.role === role) return current
        if (role !== 'owner') await assertOwnerRemains(w.tx, current.role)
        const updated = await members.setRole(id, role, w.tx)
        // A link issued under the old role must not bring that role back.
        await voidLinksOf(current, w)
        await w.audit({
          action: 'member.role_changed',
          target: current.email,
          detail: { from: current.role, to: role },
        })
        return updated ?? current
      })
      return c.json({ member: toMemberInfo(member) })
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id')
      await commit(deps, c, async (w) => {
        await members.lockTeam(w.tx)
        const current = await members.findById(id, w.tx)
        if (!current) throw memberNotFound()
        await assertOwnerRemains(w.tx, current.role)
        await voidLinksOf(current, w)
        await members.remove(id, w.tx)
        await w.audit({
          action: 'member.removed',
          target: current.email,
          detail: { role: current.role },
        })
      })
      return c.body(null, 204)
    })
    .post('/:id/reset-link', async (c) => {
      const member = await members.findById(c.req.param('id'))
      if (!member) throw memberNotFound()
      const actor = auditActor(c)
      const invite = await commit(deps, c, async (w) => {
        const created = await issueInvite(
          deps,
          {
            email: member.email,
            role: member.role,
            memberId: member.id,
            createdBy: actor,
            origin: publicBase(deps, c),
          },
          w.tx,
        )
        await w.audit({ action: 'member.reset_link_issued', target: member.email })
        return created
      })
      const body: { invite: CreatedInvite } = { invite }
      return c.json(body, 201)
    })
}
