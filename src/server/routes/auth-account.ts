import type { Context } from 'hono'
import { Hono } from 'hono'
import * as v from 'valibot'
import { PasswordSchema } from '../auth/members'
import { checkPasswordRules, hashPassword, verifyPassword } from '../auth/passwords'
import { assertSameOrigin } from '../auth/same-origin'
import { clearSessionCookie, readSession } from '../auth/session-cookie'
import { ApiError, invalid, unauthorized } from '../errors'
import { commit } from '../events/commit'
import { noteAuthFailure } from '../http/auth-failure'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { RateLimitedError } from '../http/rate-limited'

export const PasswordChangeSchema = v.object({
  currentPassword: v.string('currentPassword must be a string'),
  newPassword: PasswordSchema,
})

/** The signed-in member's own session, for writes: CSRF-checked like every cookie write. */
async function requireOwnSession(c: Context, deps: RouteDeps) {
  const session = await readSession(c, deps)
  if (!session) throw unauthorized('Not signed in.')
  assertSameOrigin(c, deps.config, { required: true })
  return session
}

/** A signed-in member's own account: change the password, sign out on every device. */
export function authAccountRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/v1/auth/password', async (c) => {
      const session = await requireOwnSession(c, deps)
      const input = await readJsonBody(c, PasswordChangeSchema)
      // The current password is a guessable secret too: same throttle as login.
      // Counted before checking, so concurrent guesses cannot all pass; forgiven when right.
      const attempt = await deps.authFailures.takeAttempt(`email:${session.member.email}`)
      if (attempt.retryAfterSeconds > 0)
        throw new RateLimitedError(
          'sign_in_failures',
          attempt.retryAfterSeconds,
          'Too many wrong passwords.',
        )
      const member = await deps.store.members.findById(session.member.id)
      if (!member || !(await verifyPassword(member.passwordHash, input.currentPassword))) {
        noteAuthFailure(c, 'password')
        throw invalid('currentPassword', 'The current password is not right.')
      }
      await attempt.forgive()
      checkPasswordRules(input.newPassword, 'newPassword')
      const passwordHash = await hashPassword(input.newPassword)
      await commit(deps, c, async (w) => {
        await w.store.members.setPassword(member.id, { passwordHash }, w.tx)
        // Whoever knew the old password is signed out everywhere but here.
        await w.store.sessions.removeAllFor(member.id, session.idHash, w.tx)
        // A reset link issued before the change would undo it.
        await w.store.invites.voidPendingFor(
          { email: member.email, memberId: member.id },
          w.now,
          w.tx,
        )
        await w.audit({
          actor: member.email,
          action: 'member.password_changed',
          target: member.email,
        })
      })
      return c.body(null, 204)
    })
    .post('/v1/auth/logout-everywhere', async (c) => {
      const session = await requireOwnSession(c, deps)
      await deps.store.sessions.removeAllFor(session.member.id)
      clearSessionCookie(c, deps.config)
      return c.body(null, 204)
    })
}
