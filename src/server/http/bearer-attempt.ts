import type { Context } from 'hono'
import { AUTH_FAILURE_WINDOW_MS } from '../auth/login-throttle'
import { clientNetwork } from '../limits/client-network'
import type { Limits } from '../limits/limits'
import { clientIp } from './client-address'
import { refuseIfLimited } from './rate-limit'

/**
 * One attempt at a bearer credential (the admin token on /v1/admin, an API key there or on
 * /mcp), counted in the one per-IP (/64) budget they share: past `failuresPer15Minutes`, that
 * network gets 429 even with the right credential until the budget refills. The attempt is taken
 * before comparing, so concurrent guesses (several processes on one PostgreSQL) cannot all pass
 * a check made before any of them failed; a right credential gives it back with the returned
 * `refund`. No header is not a guess (a dashboard before sign-in): only checked, never taken.
 */
export async function takeBearerAttempt(
  c: Context,
  limiter: Limits,
  failuresPer15Minutes: number,
  header: string,
): Promise<() => Promise<void>> {
  const failureKey = `admin-failure\u0000${clientNetwork(clientIp(c))}`
  refuseIfLimited(
    header === ''
      ? await limiter.check(failureKey, failuresPer15Minutes, AUTH_FAILURE_WINDOW_MS)
      : await limiter.hit(failureKey, failuresPer15Minutes, AUTH_FAILURE_WINDOW_MS),
    'admin_token_failures',
  )
  return async () => {
    await limiter.refund(failureKey, failuresPer15Minutes, AUTH_FAILURE_WINDOW_MS)
  }
}
