import type { Context } from 'hono'
import { isTokenErrorCode } from '../../shared/errors'
import { ApiError } from '../errors'
import type { AppEnv, AuthFailure } from './env'

/** Marks the request; the request log (request-log.ts) reads it once the answer is made. */
export function noteAuthFailure(c: Context<AppEnv>, failure: AuthFailure): void {
  c.set('authFailure', failure)
}

/** What was refused, if anything: a note from the code, or an identity token's refusal. */
export function authFailureOf(c: Context<AppEnv>): AuthFailure | undefined {
  const noted = c.get('authFailure')
  if (noted) return noted
  if (c.error instanceof ApiError && isTokenErrorCode(c.error.code)) return 'identity_token'
  return undefined
}
