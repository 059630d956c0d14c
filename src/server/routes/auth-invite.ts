import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import * as v from 'valibot'
import type { InvitePreview } from '../../shared/team-api'
import { MemberNameSchema, PasswordSchema, toMemberInfo } from '../auth/members'
import { checkPasswordRules, hashPassword } from '../auth/passwords'
import { resetPasswordWithLink } from '../auth/reset-with-link'
import { assertSameOrigin } from '../auth/same-origin'
import { hashSecretCode } from '../auth/secret-codes'
import { startSession } from '../auth/session-cookie'
import { ApiError, conflict, invalid, notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { parseOrFail, readJsonBody } from '../http/json-body'

export const CodeSchema = v.pipe(
  v.string('code must be a string'),
  v.minLength(1, 'code is missing'),
  v.maxLength(200, 'code is too long'),
)

export const AcceptSchema = v.object({
  code: CodeSchema,
  /** Required for someone new; a password reset keeps the name unless one is given. */
  name: v.optional(MemberNameSchema),
  password: PasswordSchema,
})

const invalidInvite = () => notFound.thing('This invite link was used, revoked or has expired.')

/** The accept page: look at an invite, then accept it (a new member, or a password reset). */
export function authInviteRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/v1/auth/invite', async (c) => {
      const code = parseOrFail(CodeSchema, c.req.query('code'), 'code')
      const invite = await deps.store.invites.findPendingByCode(
        hashSecretCode(code),
        deps.clock.now(),
      )
      if (!invite) throw invalidInvite()
      const body: { invite: InvitePreview } = {
        invite: {
          email: invite.email,
          role: invite.role,
          reset: invite.memberId !== null,
          expiresAt: invite.expiresAt,
        },
      }
      c.header('Cache-Control', 'no-store')
      return c.json(body)
    })
    .post('/v1/auth/accept', async (c) => {
      assertSameOrigin(c, deps.config, { required: false })
      const input = await readJsonBody(c, AcceptSchema)
      const codeHash = hashSecretCode(input.code)
      const pending = await deps.store.invites.findPendingByCode(codeHash, deps.clock.now())
      if (!pending) throw invalidInvite()
      if (pending.memberId === null && input.name === undefined)
        throw invalid('name', 'name: Tell the team your name.')
      checkPasswordRules(input.password)
      const passwordHash = await hashPassword(input.password)
      const member = await commit(deps, c, async (w) => {
        const { tx, now } = w
        if (pending.memberId !== null)
          return resetPasswordWithLink(w, c, deps, {
            link: pending,
            passwordHash,
            name: input.name,
          })
        if (!(await w.store.invites.markAccepted(pending.id, now, tx))) throw invalidInvite()
        // One link used voids the others: an invite with another role, say.
        await w.store.invites.voidPendingFor(
          { email: pending.email, memberId: pending.memberId },
          now,
          tx,
        )
        if (await w.store.members.findByEmail(pending.email, tx))
          throw conflict(`${pending.email} is on the team already: sign in.`)
        const created = await w.store.members.create(
          {
            id: randomUUID(),
            email: pending.email,
            name: input.name as string,
            role: pending.role,
            passwordHash,
            now,
          },
          tx,
        )
        await w.audit({
          actor: created.email,
          action: 'member.joined',
          target: created.email,
          detail: { role: created.role },
        })
        await startSession(c, deps, created.id, tx)
        return created
      })
      return c.json({ member: toMemberInfo(member) })
    })
}
