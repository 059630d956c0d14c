import type { Context } from 'hono'
import { isTokenErrorCode } from '../../shared/errors'
import { ApiError } from '../errors'
import type { AppEnv } from './env'

/**
 * A credential that was tried and refused: worth a `warn` line in the request log (someone
 * guessing, or a customer's server signing with an old secret). Not a missing credential: a
 * dashboard opened before sign-in is not an attack.
 */
export type AuthFailure = 'admin_token' | 'password' | 'identity_token' | 'metrics_token'

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
