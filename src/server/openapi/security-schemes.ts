import { ANONYMOUS_ID_HEADER } from '../../shared/identity'
import { SESSION_COOKIE } from '../auth/session-cookie'
import type { SecurityName } from './route-doc'

/** The security schemes of spec/api.md, by the names RouteDocs use. */
export const SECURITY_SCHEMES: Record<SecurityName, Record<string, unknown>> = {
  identityToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "The widget's identity token: an HS256 JWT the customer's server signs with the project's " +
      'secret (`aud` = `{REQIO_AUDIENCE_BASE}/p/{projectId}`, lifetime ≤ 300 s). Without it the ' +
      `caller is anonymous, known by the \`${ANONYMOUS_ID_HEADER}\` header. A bad token is refused ` +
      'with 401 and a `token_*` code, never read as anonymous.',
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A project API key (`rq_…`, scoped `read`, `write` or `admin`, for that project only) or ' +
      'the server-wide `REQIO_ADMIN_TOKEN` (scripts, and creating the first owner).',
  },
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A project API key (`rq_…`) with its scopes; the admin token is not one and is refused ' +
      'with 401 (POST /mcp).',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      "A team member's dashboard session (POST /v1/auth/login). Writes sent with it need the " +
      "server's own `Origin`, else 403 csrf_rejected.",
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: '`REQIO_METRICS_TOKEN`; without it set, GET /metrics answers 404.',
  },
}

/**
 * A RouteDoc's `security` as OpenAPI alternatives (any one of them will do). The identity token
 * is never required by the contract: a request without one is an anonymous caller's, so
 * routes that take it accept no credential too (the few that need a person answer 401
 * identity_required, as their errors say).
 */
export function securityRequirements(
  security: readonly SecurityName[],
): Array<Record<string, string[]>> | undefined {
  if (security.length === 0) return undefined
  const alternatives: Array<Record<string, string[]>> = security.map((name) => ({ [name]: [] }))
  if (security.includes('identityToken')) alternatives.push({})
  return alternatives
}
