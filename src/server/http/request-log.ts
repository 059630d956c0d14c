import type { Context, MiddlewareHandler } from 'hono'
import { ApiError } from '../errors'
import type { LogFields, Logger } from '../logger'
import type { AppMetrics } from '../metrics/app-metrics'
import { isDatabaseUnavailable } from '../store/db-errors'
import { authFailureOf } from './auth-failure'
import type { AppEnv } from './env'
import { RateLimitedError } from './rate-limited'
import { REQUEST_ID_HEADER, requestIdFor } from './request-id'
import { routeLabel } from './route-label'

/** Asked every few seconds by orchestrators and Prometheus: at `info` they would drown the rest. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics'])

/**
 * The outermost middleware: gives every request its X-Request-Id, then, once it is answered,
 * writes its one log line (reqId, method, route pattern, status, ms: never the raw path, the
 * query string or a header) and counts it in the metrics. 5xx at `error` with the error's
 * stack; 429s and refused credentials at `warn`; probes and scrapes at `debug`; the rest at
 * `info`.
 */
export function observeRequests(logger: Logger, metrics: AppMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    const reqId = requestIdFor(c.req.header(REQUEST_ID_HEADER))
    c.set('requestId', reqId)
    await next()
    c.res.headers.set(REQUEST_ID_HEADER, reqId)
    const ms = performance.now() - started
    const method = c.req.method
    const route = routeLabel(c)
    const status = c.res.status
    metrics.requestServed(method, route, status, ms / 1000)
    if (c.error instanceof RateLimitedError) metrics.rateLimited(c.error.limit)
    logRequest(logger, c, { reqId, method, route, status, ms: Math.round(ms * 10) / 10 })
  }
}

function logRequest(logger: Logger, c: Context<AppEnv>, line: LogFields & { status: number }) {
  const message = `${line.method} ${line.route} ${line.status}`
  const error = c.error
  if (isDatabaseUnavailable(error)) {
    // Every request fails the same way while the database is away: no stack per request.
    logger.warn(message, { ...line, code: 'unavailable' })
    return
  }
  if (line.status >= 500) {
    logger.error(message, error, line)
    return
  }
  if (error instanceof ApiError) line.code = error.code
  if (error instanceof RateLimitedError) {
    logger.warn(message, { ...line, limit: error.limit })
    return
  }
  const authFailure = authFailureOf(c)
  if (authFailure) {
    logger.warn(message, { ...line, authFailure })
    return
  }
  if (QUIET_PATHS.has(c.req.path)) logger.debug?.(message, line)
  else logger.info(message, line)
}
