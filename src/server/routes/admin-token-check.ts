import { Hono } from 'hono'
import * as v from 'valibot'
import type { TokenCheckResponse } from '../../shared/api'
import { ApiError } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'

export const TokenCheckSchema = v.object({
  token: v.pipe(
    v.string('token must be a string'),
    v.trim(),
    v.minLength(1, 'token must not be empty'),
  ),
})

/**
 * POST /v1/admin/projects/:id/token-check: the dashboard's "Check a token". Verifies exactly
 * as the public API would, answers the verdict in a 200, and records nothing.
 */
export function adminTokenCheckRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const project = c.get('project')
    const { token } = await readJsonBody(c, TokenCheckSchema)
    let body: TokenCheckResponse
    try {
      const { facts, exp } = await deps.verifier.verify(project, token)
      body = {
        valid: true,
        claims: {
          sub: facts.sub,
          email: facts.email,
          plan: facts.plan,
          interval: facts.interval,
          amount: facts.amountCents,
          mrrCents: facts.interval === null ? null : facts.mrrCents,
          iat: facts.iat,
          exp,
        },
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      body = { valid: false, error: { code: error.code, message: error.message } }
    }
    return c.json(body)
  })
}
