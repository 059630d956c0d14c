import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { unauthorized } from '../errors'
import { clientNetwork } from '../limits/client-network'
import type { Limits } from '../limits/limits'
import { noteAuthFailure } from './auth-failure'
import { clientIp } from './client-address'
import type { AppEnv } from './env'
import { refuseIfLimited } from './rate-limit'

const FAILURE_WINDOW_MS = 15 * 60_000

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

/**
 * Bearer REQIO_ADMIN_TOKEN, compared in constant time (hashing first evens out the lengths).
 * Wrong tokens are counted per IP (/64): past `failuresPer15Minutes`, that IP gets 429 even
 * with the right token until its budget refills, so the token cannot be guessed at speed.
 */
export function requireAdmin(
  adminToken: string,
  limiter: Limits,
  failuresPer15Minutes: number,
): MiddlewareHandler<AppEnv> {
  const expected = digest(adminToken)
  return async (c, next) => {
    const failureKey = `admin-failure\u0000${clientNetwork(clientIp(c))}`
    const header = c.req.header('Authorization') ?? ''
    // A token is taken before comparing, so concurrent guesses (several processes on one
    // PostgreSQL) cannot all pass a check made before any of them failed; the right token gives
    // it back. No header is not a guess (a dashboard before sign-in): only checked.
    refuseIfLimited(
      header === ''
        ? await limiter.check(failureKey, failuresPer15Minutes, FAILURE_WINDOW_MS)
        : await limiter.hit(failureKey, failuresPer15Minutes, FAILURE_WINDOW_MS),
      'admin_token_failures',
    )
    const match = /^Bearer\s+(.+)$/i.exec(header)
    if (!match?.[1] || !timingSafeEqual(digest(match[1].trim()), expected)) {
      // No header is not a guess (a dashboard before sign-in); a wrong one is.
      if (header !== '') noteAuthFailure(c, 'admin_token')
      throw unauthorized('A valid admin token or API key is required.')
    }
    await limiter.refund(failureKey, failuresPer15Minutes, FAILURE_WINDOW_MS)
    c.set('teamMember', null)
    return next()
  }
}
