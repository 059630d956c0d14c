import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { PAYLOAD_MAX_BYTES } from '../shared/limits'
import { isImageUpload } from './attachments/upload-path'
import { ApiKeyCache } from './auth/api-key-cache'
import { authFailureLimiterFor } from './auth/login-throttle'
import { inviteDeliveryFor } from './auth/mail-invite-delivery'
import { enforceRolePermissions, requireTeamAccess } from './auth/team-access'
import { createErrorHandler, notFoundHandler, payloadTooLarge } from './errors'
import { requireAdmin } from './http/admin-auth'
import { resolveCaller } from './http/caller'
import { resolveClientAddress } from './http/client-address'
import type { AppDeps, AppEnv, RouteDeps } from './http/env'
import { recordWidgetOrigin } from './http/origin-sightings'
import { rejectMalformedPaths } from './http/path-guard'
import { limitPublicReads, limitPublicWrites } from './http/rate-limit'
import { ReadCaches } from './http/read-caches'
import { observeRequests } from './http/request-log'
import { securityHeaders } from './http/security-headers'
import { IdentityVerifier } from './identity/identity-verifier'
import { createNotifications } from './jobs'
import { createLifecycle } from './lifecycle'
import { limitsFor } from './limits/limits'
import { mcpRoutes } from './mcp/mcp-route'
import { metricsRoutes } from './metrics/metrics-route'
import { openApiRoutes } from './openapi/openapi-routes'
import { routedPath, servePortalDomains } from './portal/portal-domain'
import { PortalDomains } from './portal/portal-domains'
import { portalFollowRoutes } from './portal/portal-follow'
import { isPortalImageForm } from './portal/portal-form-images'
import { portalPagesRoutes } from './portal/portal-pages-routes'
import { portalSsoRoutes } from './portal/portal-sso'
import { portalWordEditsRoutes } from './portal/portal-word-edits'
import { portalWritesRoutes } from './portal/portal-writes'
import { adminRoutes } from './routes/admin'
import { attachmentsRoutes } from './routes/attachments'
import { authRoutes } from './routes/auth'
import { authAccountRoutes } from './routes/auth-account'
import { authInviteRoutes } from './routes/auth-invite'
import { authPasswordResetRoutes } from './routes/auth-password-reset'
import { changelogRoutes } from './routes/changelog'
import { commentEditsRoutes } from './routes/comment-edits'
import { commentPagesRoutes } from './routes/comment-pages'
import { commentsRoutes } from './routes/comments'
import { demoTokenRoutes } from './routes/demo-token'
import { emailPreferencesRoutes } from './routes/email-preferences'
import { followRoutes } from './routes/follow'
import { identifyRoutes } from './routes/identify'
import { probeRoutes } from './routes/probes'
import { requestEditsRoutes } from './routes/request-edits'
import { requestsRoutes } from './routes/requests'
import { roadmapRoutes } from './routes/roadmap'
import { staticRoutes } from './routes/static'
import { stripeWebhookRoutes } from './routes/stripe-webhook'
import { unsubscribeRoutes } from './routes/unsubscribe'
import { updatesRoutes } from './routes/updates'
import { votesRoutes } from './routes/votes'
import { widgetProjectRoutes } from './routes/widget-project'

export type { AppDeps } from './http/env'

/** The widget calls from any site: open CORS, no cookies, our identity headers allowed. */
const publicCors = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Authorization', 'X-Reqio-Anonymous-Id', 'Idempotency-Key', 'Content-Type'],
  exposeHeaders: ['Retry-After', 'Idempotent-Replayed', 'X-Request-Id'],
  maxAge: 86400,
})

/** Builds the whole HTTP surface; no port, so tests can also call `app.request()`. */
export function createApp(deps: AppDeps) {
  const notifications =
    deps.notifications ??
    createNotifications({
      store: deps.store,
      clock: deps.clock,
      logger: deps.logger,
      metrics: deps.metrics,
      config: {
        ...deps.config,
        publicUrl: deps.config.publicUrl ?? `http://${deps.config.host}:${deps.config.port}`,
      },
    })
  const routeDeps: RouteDeps = {
    ...deps,
    inviteDelivery: deps.inviteDelivery ?? inviteDeliveryFor(notifications.mail, deps.logger),
    verifier: new IdentityVerifier({ clock: deps.clock, audienceBase: deps.config.audienceBase }),
    rateLimiter: deps.limits ?? limitsFor(deps.store.db, deps.clock),
    caches: new ReadCaches(deps.store, deps.clock),
    authFailures: authFailureLimiterFor(
      deps.store.db,
      deps.config.authFailuresPer15Minutes,
      deps.clock,
    ),
    notifications,
    lifecycle: deps.lifecycle ?? createLifecycle(),
    apiKeys: new ApiKeyCache(deps.store, deps.clock),
  }
  const metrics = deps.metrics ?? notifications.metrics
  const app = new Hono<AppEnv>({ getPath: routedPath })
  app.onError(createErrorHandler(deps.logger))
  app.notFound(notFoundHandler)
  app.use(
    '*',
    servePortalDomains<AppEnv>({
      domains: new PortalDomains(deps.store, deps.clock, routeDeps.caches),
      config: deps.config,
      dispatch: (request, env) => app.fetch(request, env),
    }),
  )
  app.use('*', observeRequests(deps.logger, metrics))
  app.use('*', resolveClientAddress(deps.config.trustProxy))
  app.use('*', securityHeaders())
  app.use('*', rejectMalformedPaths())
  // Probes first: no limit, no auth, no body; load balancers call them every few seconds.
  app.route('/', probeRoutes(routeDeps))

  const jsonBodyLimit = bodyLimit({
    maxSize: PAYLOAD_MAX_BYTES,
    onError: () => {
      throw payloadTooLarge(`The body must be at most ${PAYLOAD_MAX_BYTES} bytes.`)
    },
  })
  // Image uploads count their own, larger limit while they stream (attachments/).
  // So do the portal's forms with images (portal/portal-form-images.ts).
  app.use('*', (c, next) =>
    isImageUpload(c) || isPortalImageForm(c) ? next() : jsonBodyLimit(c, next),
  )

  // The job runner gives way to API traffic (the portal's too) on the embedded database's one
  // connection.
  const runner = routeDeps.notifications.runner
  const giveWayToTraffic: MiddlewareHandler<AppEnv> = async (_c, next) => {
    runner.apiRequestStarted()
    try {
      await next()
    } finally {
      runner.apiRequestEnded()
    }
  }
  app.use('/v1/*', giveWayToTraffic)
  app.use('/p/*', giveWayToTraffic)
  app.use('/v1/projects/*', publicCors)
  app.use(
    '/v1/projects/:projectId/*',
    limitPublicReads(routeDeps.rateLimiter, deps.config),
    resolveCaller(routeDeps),
    limitPublicWrites(routeDeps.rateLimiter, deps.config),
    recordWidgetOrigin({ origins: deps.store.origins, clock: deps.clock, logger: deps.logger }),
  )
  app.route('/', widgetProjectRoutes(routeDeps))
  app.route('/', requestsRoutes(routeDeps))
  app.route('/', roadmapRoutes(routeDeps))
  app.route('/', changelogRoutes(routeDeps))
  app.route('/', votesRoutes(routeDeps))
  app.route('/', followRoutes(routeDeps))
  app.route('/', commentsRoutes(routeDeps))
  app.route('/', commentPagesRoutes(routeDeps))
  app.route('/', commentEditsRoutes(routeDeps))
  app.route('/', requestEditsRoutes(routeDeps))
  app.route('/', identifyRoutes(routeDeps))
  app.route('/', attachmentsRoutes(routeDeps))
  app.route('/', updatesRoutes(routeDeps))
  app.route('/', unsubscribeRoutes(routeDeps))
  // The portal's votes, requests and comments: the routes above, for the portal's visitors.
  app.route('/', portalWritesRoutes(routeDeps))
  app.route('/', portalFollowRoutes(routeDeps))
  app.route('/', portalWordEditsRoutes(routeDeps))

  // The portal's public pages (src/server/portal/), limited like the public API's reads.
  app.use('/p/*', limitPublicReads(routeDeps.rateLimiter, deps.config))
  // The page every email's footer links to: signed, no login, whether or not the portal is on.
  app.route('/', emailPreferencesRoutes(routeDeps))

  // Stripe's webhook: no CORS, no caller; the Stripe-Signature of the raw body is the auth.
  app.route('/', stripeWebhookRoutes(routeDeps))

  app.route('/', authRoutes(routeDeps))
  app.route('/', authAccountRoutes(routeDeps))
  app.route('/', authInviteRoutes(routeDeps))
  app.route('/', authPasswordResetRoutes(routeDeps))

  // The session cookie or the bearer admin token (wrong tokens throttled per IP), then the role
  // table (auth/admin-route-permissions.ts).
  app.use(
    '/v1/admin/*',
    requireTeamAccess(
      routeDeps,
      requireAdmin(
        deps.config.adminToken,
        routeDeps.rateLimiter,
        deps.config.authFailuresPer15Minutes,
      ),
    ),
    enforceRolePermissions(),
  )
  app.route('/v1/admin', adminRoutes(routeDeps))
  // POST /mcp: the MCP server for API keys; its tools call the routes above in this process.
  app.route(
    '/',
    mcpRoutes(routeDeps, (request, env) => app.fetch(request, env)),
  )

  if (deps.config.metricsToken) app.route('/', metricsRoutes(deps.config.metricsToken, metrics))
  if (deps.config.demo) app.route('/', demoTokenRoutes(routeDeps))
  // GET /v1/openapi.json and /docs/api: the document is built once, here, at start.
  app.route('/', openApiRoutes(routeDeps))
  app.route('/', portalSsoRoutes(routeDeps))
  // After the portal's sign-in routes: its catch-all answers every other /p/{pid}/… page with 404.
  app.route('/', portalPagesRoutes(routeDeps))
  app.route('/', staticRoutes(routeDeps))
  return app
}
