import type { Context } from 'hono'
import { Hono } from 'hono'
import * as v from 'valibot'
import type { PasswordResetStatus } from '../../shared/team-api'
import { takeSignInAttempt } from '../auth/login-throttle'
import { EmailSchema, issueInvite, PasswordSchema, toMemberInfo } from '../auth/members'
import { PASSWORD_RESET_LIFETIME_MS, sendPasswordResetMail } from '../auth/password-reset-mail'
import { checkPasswordRules, hashPassword } from '../auth/passwords'
import { invalidResetLink, resetPasswordWithLink } from '../auth/reset-with-link'
import { assertSameOrigin } from '../auth/same-origin'
import { hashSecretCode } from '../auth/secret-codes'
import { commit } from '../events/commit'
import { noteAuthFailure } from '../http/auth-failure'
import { clientIp } from '../http/client-address'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { RateLimitedError } from '../http/rate-limited'

export const ResetRequestSchema = v.object({ email: EmailSchema })

export const ResetConfirmSchema = v.object({
  code: v.pipe(
    v.string('code must be a string'),
    v.minLength(1, 'code is missing'),
    v.maxLength(200, 'code is too long'),
  ),
  password: PasswordSchema,
})

/** Who may send the "Forgot password?" email, by name in the audit log and the invites list. */
const SELF_SERVICE = 'password-reset'

const tooMany = (wait: number) =>
  new RateLimitedError(
    'sign_in_failures',
    wait,
    `Too many password resets asked for. Try again in ${Math.ceil(wait / 60)} minute(s).`,
  )

/**
 * "Forgot password?" (spec/api.md "Team accounts"): a member asks for a link by email and sets
 * a new password with it. The link is an invite bound to the member (as the owner's reset links
 * are): a random code whose hash alone is stored, single-use, working for an hour, voided by any
 * newer link or password change. The answer never says whether the email belongs to anyone.
 */
export function authPasswordResetRoutes(deps: RouteDeps) {
  const byEmail = () => deps.notifications.mail.mode === 'smtp'

  /** Finds the member, stores a new link and emails it; after the answer, so timing tells nothing. */
  async function emailResetLink(c: Context<AppEnv>, email: string): Promise<void> {
    const member = await deps.store.members.findByEmail(email)
    if (!member) return
    const link = await commit(deps, c, (w) =>
      issueInvite(
        deps,
        {
          email: member.email,
          role: member.role,
          memberId: member.id,
          createdBy: SELF_SERVICE,
          // The base of every email's links, never this request's Host: a forged Host header
          // would otherwise send the member a link to someone else's server.
          origin: deps.notifications.config.publicUrl,
          lifetimeMs: PASSWORD_RESET_LIFETIME_MS,
          page: 'reset',
        },
        w.tx,
      ),
    )
    await sendPasswordResetMail(deps.notifications.mail, link)
  }

  return new Hono<AppEnv>()
    .get('/v1/auth/password-reset', (c) => {
      const body: PasswordResetStatus = { byEmail: byEmail() }
      return c.json(body)
    })
    .post('/v1/auth/password-reset', async (c) => {
      assertSameOrigin(c, deps.config, { required: false })
      const { email } = await readJsonBody(c, ResetRequestSchema)
      // Every ask counts, known email or not: past the limit the answer is the same 429 for both.
      const attempt = await takeSignInAttempt(deps.authFailures, [
        `reset-ip:${clientIp(c)}`,
        `reset-email:${email}`,
      ])
      if (attempt.retryAfterSeconds > 0) throw tooMany(attempt.retryAfterSeconds)
      if (byEmail()) {
        void emailResetLink(c, email).catch((error: unknown) => {
          // Never the address: logs are kept and shipped.
          deps.logger.warn('a password reset email could not be sent', { err: String(error) })
        })
      }
      const body: PasswordResetStatus = { byEmail: byEmail() }
      return c.json(body, 202)
    })
    .post('/v1/auth/password-reset/confirm', async (c) => {
      assertSameOrigin(c, deps.config, { required: false })
      const input = await readJsonBody(c, ResetConfirmSchema)
      // A guessed code is a guessed secret: counted per IP like a wrong password, forgiven when right.
      const attempt = await takeSignInAttempt(deps.authFailures, [`ip:${clientIp(c)}`])
      if (attempt.retryAfterSeconds > 0) throw tooMany(attempt.retryAfterSeconds)
      const link = await deps.store.invites.findPendingByCode(
        hashSecretCode(input.code),
        deps.clock.now(),
      )
      if (!link || link.memberId === null) {
        noteAuthFailure(c, 'password')
        throw invalidResetLink()
      }
      await attempt.forgive()
      checkPasswordRules(input.password)
      const passwordHash = await hashPassword(input.password)
      const member = await commit(deps, c, (w) =>
        resetPasswordWithLink(w, c, deps, { link, passwordHash }),
      )
      return c.json({ member: toMemberInfo(member) })
    })
}
