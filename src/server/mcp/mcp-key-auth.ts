import type { Context } from 'hono'
import { actAsApiKey, apiKeyIn } from '../auth/api-key-auth'
import type { ApiKeyCaller } from '../auth/api-key-cache'
import { noteAuthFailure } from '../http/auth-failure'
import { takeBearerAttempt } from '../http/bearer-attempt'
import type { AppEnv, RouteDeps } from '../http/env'

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
 * tokens and keys share on /v1/admin (http/bearer-attempt.ts).
 */
export async function authenticateMcpKey(
  deps: RouteDeps,
  c: Context<AppEnv>,
): Promise<McpCaller | null> {
  const header = c.req.header('Authorization') ?? ''
  const refund = await takeBearerAttempt(
    c,
    deps.rateLimiter,
    deps.config.authFailuresPer15Minutes,
    header,
  )
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
