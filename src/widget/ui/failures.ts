import { fill } from '../../shared/messages'
import type { ApiFailure } from '../types'
import type { Messages } from './i18n'

/**
 * Whether an action that failed this way may still succeed later unchanged: no answer, server
 * trouble, a rate limit, or an identity the site can refresh. Such actions stay in the outbox;
 * the rest (validation, unknown request) is the server refusing for good.
 */
export function isWorthRetrying({ status, code }: ApiFailure): boolean {
  return !status || status > 499 || status === 429 || status === 401 || code === 'bad_response'
}

/** What a failure means to the person using the widget, by its code, never its message. */
export function describeFailure(
  { code, status, retryAfterSeconds }: ApiFailure,
  t: Messages,
): string {
  if (code === 'rate_limited') return fill(t.rateLimited, Math.ceil(retryAfterSeconds || 60))
  if (code === 'token_expired') return t.expired
  // Every token error code (shared/errors.ts) starts with token_.
  if (code.startsWith('token_') || status === 401) return t.identity
  // No answer: the browser knows whether it is offline; otherwise it is our server.
  if (!status) return navigator.onLine === false ? t.offline : t.down
  if (code === 'validation_failed' || code === 'payload_too_large') return t.invalid
  if (status === 404) return t.notFound
  return t.failed
}

/**
 * Our server gave no answer (or server trouble) while the browser is online: it is down or
 * restarting, and will be back without anything the user does.
 */
export function isServerAway({ status, code }: ApiFailure): boolean {
  const noAnswer = code === 'network_error' || code === 'timeout'
  return status > 499 || (noAnswer && navigator.onLine !== false)
}

/** When to retry the outbox by itself; undefined: wait for `online` or a new identity. */
export function retryDelayMs(failure: ApiFailure): number | undefined {
  const { status, retryAfterSeconds } = failure
  if (status === 429) return Math.max(1, retryAfterSeconds || 60) * 1000
  if (status > 499) return 30_000
  // No answer while online: the server is coming back ("retrying", as the notice says).
  if (isServerAway(failure)) return 10_000
}
