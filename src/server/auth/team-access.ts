import type { MiddlewareHandler } from 'hono'
import { PERMISSION_EXPLANATIONS, roleMay } from '../../shared/roles'
import { forbidden, unauthorized } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { permissionFor } from './admin-route-permissions'
import { actAsApiKey, apiKeyIn } from './api-key-auth'
import { assertApiKeyMay } from './api-key-scopes'
import { assertSameOrigin, isWriteMethod } from './same-origin'
import { readSession } from './session-cookie'
import { actingMember } from './team-actor'

/**
 * /v1/admin/*: `Authorization: Bearer <admin token>` (checked by `bearer`, which sets
 * teamMember to null), `Authorization: Bearer rq_…`, a project API key (auth/api-key-auth.ts;
 * an unknown or revoked one goes on to `bearer`, refused and counted like a wrong admin token),
 * or the dashboard's session cookie (teamMember = the signed-in member).
 * A cookie-authorised write must carry our own Origin (CSRF). A bearer header is never mixed
 * with the cookie: a wrong token is a 401 even when a session cookie came along.
 */
export function requireTeamAccess(
  deps: RouteDeps,
  bearer: MiddlewareHandler<AppEnv>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header('Authorization')
    if (authorization !== undefined) {
      const apiKey = apiKeyIn(authorization)
      if (apiKey !== null && (await actAsApiKey(deps, c, apiKey))) return next()
      return bearer(c, next)
    }
    const session = await readSession(c, deps)
    if (!session) throw unauthorized('Sign in to the dashboard, or send the admin token.')
    if (isWriteMethod(c.req.method)) assertSameOrigin(c, deps.config, { required: true })
    c.set('teamMember', session.member)
    return next()
  }
}

/**
 * After requireTeamAccess: the member's role must hold the route's permission (the admin token
 * holds all); an API key must be on its own project and within its scopes.
 */
export function enforceRolePermissions(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const apiKey = c.get('apiKey')
    if (apiKey) assertApiKeyMay(apiKey, c.req.method, c.req.path)
    const member = actingMember(c)
    if (member) {
      const permission = permissionFor(c.req.method, c.req.path)
      if (!roleMay(member.role, permission))
        throw forbidden(
          `Your role (${member.role}) may not do this. ${PERMISSION_EXPLANATIONS[permission]}`,
        )
    }
    return next()
  }
}
