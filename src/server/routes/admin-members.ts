import { Hono } from 'hono'
import * as v from 'valibot'
import type { CreatedInvite, TeamMemberListed } from '../../shared/team-api'
import { issueInvite, publicBase, RoleSchema, toMemberInfo } from '../auth/members'
import { auditActor } from '../auth/team-actor'
import { conflict, notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import type { SqlExecutor } from '../store/db'

const RoleChangeSchema = v.strictObject({ role: RoleSchema }, 'only role can be changed')

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
  async function voidLinksOf(member: { id: string; email: string }, tx: SqlExecutor) {
    await deps.store.invites.voidPendingFor(
      { email: member.email, memberId: member.id },
      deps.clock.now(),
      tx,
    )
  }

  return new Hono<AppEnv>()
    .get('/v1/admin/members', async (c) => {
      const list = await members.list()
      const body: { members: TeamMemberListed[] } = {
        members: list.map((member) => ({ ...toMemberInfo(member), createdAt: member.createdAt })),
      }
      return c.json(body)
    })
    .patch('/v1/admin/members/:id', async (c) => {
      const { role } = await readJsonBody(c, RoleChangeSchema)
      const id = c.req.param('id')
      const member = await deps.store.db.transaction(async (tx) => {
        await members.lockTeam(tx)
        const current = await members.findById(id, tx)
        if (!current) throw memberNotFound()
        if (current.role === role) return current
        if (role !== 'owner') await assertOwnerRemains(tx, current.role)
        const updated = await members.setRole(id, role, tx)
        // A link issued under the old role must not bring that role back.
        await voidLinksOf(current, tx)
        await deps.store.audit.record(
          {
            projectId: null,
            actor: auditActor(c),
            action: 'member.role_changed',
            target: current.email,
            detail: { from: current.role, to: role },
            now: deps.clock.now(),
          },
          tx,
        )
        return updated ?? current
      })
      return c.json({ member: toMemberInfo(member) })
    })
    .delete('/v1/admin/members/:id', async (c) => {
      const id = c.req.param('id')
      await deps.store.db.transaction(async (tx) => {
        await members.lockTeam(tx)
        const current = await members.findById(id, tx)
        if (!current) throw memberNotFound()
        await assertOwnerRemains(tx, current.role)
        await voidLinksOf(current, tx)
        await members.remove(id, tx)
        await deps.store.audit.record(
          {
            projectId: null,
            actor: auditActor(c),
            action: 'member.removed',
            target: current.email,
            detail: { role: current.role },
            now: deps.clock.now(),
          },
          tx,
        )
      })
      return c.body(null, 204)
    })
    .post('/v1/admin/members/:id/reset-link', async (c) => {
      const member = await members.findById(c.req.param('id'))
      if (!member) throw memberNotFound()
      const actor = auditActor(c)
      const invite = await deps.store.db.transaction(async (tx) => {
        const created = await issueInvite(
          deps,
          {
            email: member.email,
            role: member.role,
            memberId: member.id,
            createdBy: actor,
            origin: publicBase(deps, c),
          },
          tx,
        )
        await deps.store.audit.record(
          {
            projectId: null,
            actor,
            action: 'member.reset_link_issued',
            target: member.email,
            now: deps.clock.now(),
          },
          tx,
        )
        return created
      })
      const body: { invite: CreatedInvite } = { invite }
      return c.json(body, 201)
    })
}
