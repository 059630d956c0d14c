import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { PAYLOAD_MAX_BYTES } from '../shared/limits'
import { ApiError, createErrorHandler, notFoundHandler } from './errors'
import { requireAdmin } from './http/admin-auth'
import { resolveCaller } from './http/caller'
import type { AppDeps, AppEnv, RouteDeps } from './http/env'
import { rejectMalformedPaths } from './http/path-guard'
import { limitPublicReads, limitPublicWrites } from './http/rate-limit'
import { ReadCaches } from './http/read-caches'
import { securityHeaders } from './http/security-headers'
import { IdentityVerifier } from './identity/identity-verifier'
import { DistinctCounter } from './limits/distinct-counter'
import { RateLimiter } from './limits/rate-limiter'
import { adminAuditRoutes } from './routes/admin-audit'
import { adminBacklogRoutes } from './routes/admin-backlog'
import { adminProjectSettingsRoutes } from './routes/admin-project-settings'
import { adminProjectsRoutes } from './routes/admin-projects'
import { adminRequestsRoutes } from './routes/admin-requests'
import { adminSecretRoutes } from './routes/admin-secret'
import { adminTokenCheckRoutes } from './routes/admin-token-check'
import { demoTokenRoutes } from './routes/demo-token'
import { identifyRoutes } from './routes/identify'
import { requestsRoutes } from './routes/requests'
import { staticRoutes } from './routes/static'
import { votesRoutes } from './routes/votes'
import { widgetProjectRoutes } from './routes/widget-project'

export type { AppDeps } from './http/env'

/** The widget calls from any site: open CORS, no cookies, our identity headers allowed. */
const publicCors = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Authorization', 'X-Reqio-Anonymous-Id', 'Idempotency-Key', 'Content-Type'],
  exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
  maxAge: 86400,
})

/** Builds the whole HTTP surface; no port, so tests can also call `app.request()`. */
export function createApp(deps: AppDeps) {
  const routeDeps: RouteDeps = {
    ...deps,
    verifier: new IdentityVerifier({ clock: deps.clock, audienceBase: deps.config.audienceBase }),
    rateLimiter: new RateLimiter(deps.clock),
    caches: new ReadCaches(deps.store, deps.clock),
  }
  const app = new Hono<AppEnv>()
  app.onError(createErrorHandler(deps.logger))
  app.notFound(notFoundHandler)
  app.use('*', securityHeaders())
  app.use('*', rejectMalformedPaths())

  app.use(
    '*',
    bodyLimit({
      maxSize: PAYLOAD_MAX_BYTES,
      onError: () => {
        throw new ApiError(
          413,
          'payload_too_large',
          `The body must be at most ${PAYLOAD_MAX_BYTES} bytes.`,
        )
      },
    }),
  )

  app.use('/v1/projects/*', publicCors)
  app.use(
    '/v1/projects/:projectId/*',
    limitPublicReads(routeDeps.rateLimiter, deps.config),
    resolveCaller(routeDeps),
    limitPublicWrites(routeDeps.rateLimiter, new DistinctCounter(deps.clock), deps.config),
  )
  app.route('/', widgetProjectRoutes())
  app.route('/', requestsRoutes(routeDeps))
  app.route('/', votesRoutes(routeDeps))
  app.route('/', identifyRoutes(routeDeps))

  app.use(
    '/v1/admin/*',
    requireAdmin(
      deps.config.adminToken,
      routeDeps.rateLimiter,
      deps.config.authFailuresPer15Minutes,
    ),
  )
  app.route('/', adminProjectsRoutes(routeDeps))
  app.route('/', adminProjectSettingsRoutes(routeDeps))
  app.route('/', adminAuditRoutes(routeDeps))
  app.route('/', adminSecretRoutes(routeDeps))
  app.route('/', adminBacklogRoutes(routeDeps))
  app.route('/', adminRequestsRoutes(routeDeps))
  app.route('/', adminTokenCheckRoutes(routeDeps))

  if (deps.config.demo) app.route('/', demoTokenRoutes(routeDeps))
  app.route('/', staticRoutes(routeDeps))
  return app
}
