import { Hono } from 'hono'
import { SignJWT } from 'jose'
import * as v from 'valibot'
import { TOKEN_LIFETIME_SECONDS } from '../../shared/identity'
import { DEMO_PROJECT_ID } from '../demo'
import { ApiError } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { RevenueTraitsSchema } from '../identity/claims-schema'

const DemoTokenSchema = v.object({
  sub: v.pipe(
    v.string('sub must be a string'),
    v.trim(),
    v.minLength(1, 'sub must not be empty'),
    v.maxLength(255),
  ),
  email: v.optional(v.pipe(v.string('email must be a string'), v.maxLength(320))),
  traits: v.optional(RevenueTraitsSchema),
})

/**
 * POST /demo/token `{sub, email?, traits?}` → `{token, expiresAt}`: plays the customer's server
 * for the demo page, minting a 300 s token for the demo project exactly as the Node snippet does.
 * Only mounted in demo mode.
 */
export function demoTokenRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().post('/demo/token', async (c) => {
    const input = await readJsonBody(c, DemoTokenSchema)
    const project = await deps.store.projects.find(DEMO_PROJECT_ID)
    if (!project) throw new ApiError(404, 'project_not_found', 'The demo project does not exist.')
    const iat = Math.floor(deps.clock.now() / 1000)
    const exp = iat + TOKEN_LIFETIME_SECONDS
    const claims: Record<string, unknown> = {}
    if (input.email !== undefined) claims.email = input.email
    if (input.traits !== undefined) claims.traits = input.traits
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(input.sub)
      .setAudience(deps.verifier.audienceOf(project.id))
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(project.secret))
    return c.json({ token, expiresAt: new Date(exp * 1000).toISOString() })
  })
}
