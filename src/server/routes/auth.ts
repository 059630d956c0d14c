import { createHash, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import * as v from 'valibot'
import type { SessionStatus, SetupStatus } from '../../shared/team-api'
import { type SignInAttempt, takeSignInAttempt } from '../auth/login-throttle'
import { EmailSchema, MemberNameSchema, PasswordSchema, toMemberInfo } from '../auth/members'
import { checkPasswordRules, hashPassword, verifyPassword } from '../auth/passwords'
import { assertSameOrigin } from '../auth/same-origin'
import { hashSecretCode } from '../auth/secret-codes'
import {
  clearSessionCookie,
  readSession,
  SESSION_COOKIE,
  startSession,
} from '../auth/session-cookie'
import { ADMIN_TOKEN_ACTOR } from '../auth/team-actor'
import { ApiError, conflict, unauthorized } from '../errors'
import { commit } from '../events/commit'
import { noteAuthFailure } from '../http/auth-failure'
import { clientIp } from '../http/client-address'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { RateLimitedError } from '../http/rate-limited'

export const LoginSchema = v.object({
  email: EmailSchema,
  password: v.string('password must be a string'),
})

export const SetupSchema = v.object({
  adminToken: v.string('adminToken must be a string'),
  email: EmailSchema,
  name: MemberNameSchema,
  password: PasswordSchema,
})

const WRONG_LOGIN = 'That email and password do not match an account.'

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

const tooManyFailures = (wait: number) =>
  new RateLimitedError(
    'sign_in_failures',
    wait,
    `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`,
  )

/** 429 when this email or this IP failed too often lately (even if the password is right now). */
async function refuseIfThrottled(deps: RouteDeps, keys: string[]): Promise<void> {
  const waits = await Promise.all(keys.map((key) => deps.authFailures.retryAfterSeconds(key)))
  const wait = Math.max(...waits)
  if (wait > 0) throw tooManyFailures(wait)
}

/**
 * Counts this attempt as a failure before the secret is checked (429 when the keys have no room
 * left), so concurrent guesses cannot all pass; `forgive()` it when the secret was right.
 */
async function takeAttempt(deps: RouteDeps, keys: string[]): Promise<SignInAttempt> {
  const attempt = await takeSignInAttempt(deps.authFailures, keys)
  if (attempt.retryAfterSeconds > 0) throw tooManyFailures(attempt.retryAfterSeconds)
  return attempt
}

function failureKeys(c: Context, email?: string): string[] {
  const keys = [`ip:${clientIp(c)}`]
  if (email !== undefined) keys.push(`email:${email}`)
  return keys
}

/**
 * Signing in and out of the dashboard (spec/api.md "Team accounts"): first-owner setup, login,
 * logout, me. Answers carry {member} only: never a password, hash or session id (that one
 * travels in the HttpOnly cookie alone).
 */
export function authRoutes(deps: RouteDeps) {
  const adminTokenDigest = digest(deps.config.adminToken)
  return new Hono<AppEnv>()
    .get('/v1/auth/setup', async (c) => {
      const body: SetupStatus = { needed: (await deps.store.members.count()) === 0 }
      return c.json(body)
    })
    .post('/v1/auth/setup', async (c) => {
      assertSameOrigin(c, deps.config, { required: false })
      const input = await readJsonBody(c, SetupSchema)
      const keys = failureKeys(c)
      const attempt = await takeAttempt(deps, keys)
      if (!timingSafeEqual(digest(input.adminToken.trim()), adminTokenDigest)) {
        noteAuthFailure(c, 'admin_token')
        await refuseIfThrottled(deps, keys)
        throw unauthorized('That admin token was not accepted.')
      }
      await attempt.forgive()
      checkPasswordRules(input.password)
      const passwordHash = await hashPassword(input.password)
      const member = await commit(deps, c, async (w) => {
        await w.store.members.lockTeam(w.tx)
        if ((await w.store.members.count(w.tx)) > 0)
          throw conflict('The owner account exists already: sign in instead.')
        const created = await w.store.members.create(
          {
            id: randomUUID(),
            email: input.email,
            name: input.name,
            role: 'owner',
            passwordHash,
            now: w.now,
          },
          w.tx,
        )
        await w.audit({
          actor: ADMIN_TOKEN_ACTOR,
          action: 'member.created',
          target: created.email,
          detail: { role: 'owner' },
        })
        await startSession(c, deps, created.id, w.tx)
        return created
      })
      return c.json({ member: toMemberInfo(member) }, 201)
    })
    .post('/v1/auth/login', async (c) => {
      assertSameOrigin(c, deps.config, { required: false })
      const { email, password } = await readJsonBody(c, LoginSchema)
      const keys = failureKeys(c, email)
      const attempt = await takeAttempt(deps, keys)
      const member = await deps.store.members.findByEmail(email)
      // An unknown email still costs one hash, so the answer and its timing match a wrong password.
      const ok = await verifyPassword(member?.passwordHash ?? null, password)
      if (!member || !ok) {
        noteAuthFailure(c, 'password')
        await refuseIfThrottled(deps, keys)
        throw unauthorized(WRONG_LOGIN)
      }
      await attempt.forgive()
      await startSession(c, deps, member.id)
      return c.json({ member: toMemberInfo(member) })
    })
    .post('/v1/auth/logout', async (c) => {
      const sessionId = getCookie(c, SESSION_COOKIE)
      if (sessionId) {
        assertSameOrigin(c, deps.config, { required: true })
        await deps.store.sessions.remove(hashSecretCode(sessionId))
      }
      clearSessionCookie(c, deps.config)
      return c.body(null, 204)
    })
    .get('/v1/auth/session', async (c) => {
      const session = await readSession(c, deps)
      const body: SessionStatus = {
        member: session ? toMemberInfo(session.member) : null,
        setupNeeded: session ? false : (await deps.store.members.count()) === 0,
      }
      c.header('Cache-Control', 'no-store')
      return c.json(body)
    })
    .get('/v1/auth/me', async (c) => {
      const session = await readSession(c, deps)
      if (!session) throw unauthorized('Not signed in.')
      c.header('Cache-Control', 'no-store')
      return c.json({ member: toMemberInfo(session.member) })
    })
}
