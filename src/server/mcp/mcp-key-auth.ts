import type { Context } from 'hono'
import { actAsApiKey, apiKeyIn } from '../auth/api-key-auth'
import type { ApiKeyCaller } from '../auth/api-key-cache'
import { noteAuthFailure } from '../http/auth-failure'
import { clientIp } from '../http/client-address'
import type { AppEnv, RouteDeps } from '../http/env'
import { refuseIfLimited } from '../http/rate-limit'
import { clientNetwork } from '../limits/client-network'

const FAILURE_WINDOW_MS = 15 * 60_000

export interface McpCaller {
  key: ApiKeyCaller
  /** The key itself, as the tools' REST calls send it. */
  credential: string
}

/**
 * The live API key a /mcp request carries, or null (no key, the admin token, an unknown or
 * revoked key). Checked as /v1/admin checks a key (auth/api-key-auth.ts): the /mcp request
 * spends one of the key's requests this minute (REQIO_API_KEY_REQUESTS_PER_MINUTE), so listing
 * tools in a loop is limited too. Wrong credentials are counted per IP in the budget wrong admin
 * tokens and keys share on /v1/admin (http/admin-auth.ts, the same bucket and limit name).
 */
export async function authenticateMcpKey(
  deps: RouteDeps,
  c: Context<AppEnv>,
): Promise<McpCaller | null> {
  const header = c.req.header('Authorization') ?? ''
  const failures = deps.config.authFailuresPer15Minutes
  const failureKey = `admin-failure\u0000${clientNetwork(clientIp(c))}`
  refuseIfLimited(
    header === ''
      ? await deps.rateLimiter.check(failureKey, failures, FAILURE_WINDOW_MS)
      : await deps.rateLimiter.hit(failureKey, failures, FAILURE_WINDOW_MS),
    'admin_token_failures',
  )
  const refund = () => deps.rateLimiter.refund(failureKey, failures, FAILURE_WINDOW_MS)
  const credential = apiKeyIn(header)
  let key: ApiKeyCaller | null = null
  try {
    key = credential === null ? null : await actAsApiKey(deps, c, credential)
  } catch (error) {
    // A live key past its own limit (429) is not a wrong guess.
    await refund()
    throw error
  }
  if (credential === null || key === null) {
    if (header !== '') noteAuthFailure(c, 'admin_token')
    return null
  }
  await refund()
  return { key, credential }
}
