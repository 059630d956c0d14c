import type { Context } from 'hono'
import type { AppEnv, RouteDeps } from '../http/env'
import { refuseIfLimited } from '../http/rate-limit'
import type { ApiKeyCaller } from './api-key-cache'
import { hashApiKey, looksLikeApiKey } from './api-key-format'

const MINUTE_MS = 60_000

type ApiKeyAuthDeps = Pick<RouteDeps, 'apiKeys' | 'store' | 'rateLimiter' | 'clock' | 'config'>

/** The API key an `Authorization: Bearer rq_…` header carries; null for any other header. */
export function apiKeyIn(authorization: string): string | null {
  const credential = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1]
  return credential !== undefined && looksLikeApiKey(credential) ? credential : null
}

/**
 * Lets the request act as the live key `credential` names: sets `apiKey` (and `teamMember` to
 * null), spends one of the key's requests this minute (429 past
 * REQIO_API_KEY_REQUESTS_PER_MINUTE) and records the use now and then. Answers null, changing
 * nothing, when no live key has that value: the caller refuses it as a wrong admin token is
 * refused, counted per IP (http/admin-auth.ts). A remembered key costs no database round trip
 * (auth/api-key-cache.ts); what it may reach is checked after (auth/api-key-scopes.ts).
 */
export async function actAsApiKey(
  deps: ApiKeyAuthDeps,
  c: Context<AppEnv>,
  credential: string,
): Promise<ApiKeyCaller | null> {
  const key = await deps.apiKeys.find(hashApiKey(credential))
  if (!key) return null
  refuseIfLimited(
    await deps.rateLimiter.spend(
      `api-key\u0000${key.id}`,
      deps.config.apiKeyRequestsPerMinute,
      MINUTE_MS,
    ),
    'api_key_requests',
  )
  const now = deps.clock.now()
  // A lost write only leaves the time a minute behind: it never fails the request.
  if (deps.apiKeys.dueForLastUsed(key.id, now))
    await deps.store.apiKeys.touchLastUsed(key.id, now).catch(() => {})
  c.set('teamMember', null)
  c.set('apiKey', key)
  return key
}
