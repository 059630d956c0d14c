import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { unauthorized } from '../errors'
import type { Limits } from '../limits/limits'
import { noteAuthFailure } from './auth-failure'
import { takeBearerAttempt } from './bearer-attempt'
import type { AppEnv } from './env'

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

/**
 * Bearer REQIO_ADMIN_TOKEN, compared in constant time (hashing first evens out the lengths).
 * Wrong tokens are counted per IP (/64) in the budget http/bearer-attempt.ts keeps, so the
 * token cannot be guessed at speed.
 */
export function requireAdmin(
  adminToken: string,
  limiter: Limits,
  failuresPer15Minutes: number,
): MiddlewareHandler<AppEnv> {
  const expected = digest(adminToken)
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? ''
    const refund = await takeBearerAttempt(c, limiter, failuresPer15Minutes, header)
    const match = /^Bearer\s+(.+)$/i.exec(header)
    if (!match?.[1] || !timingSafeEqual(digest(match[1].trim()), expected)) {
      // No header is not a guess (a dashboard before sign-in); a wrong one is.
      if (header !== '') noteAuthFailure(c, 'admin_token')
      throw unauthorized('A valid admin token or API key is required.')
    }
    await refund()
    c.set('teamMember', null)
    return next()
  }
}
