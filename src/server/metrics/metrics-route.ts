import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { unauthorized } from '../errors'
import { noteAuthFailure } from '../http/auth-failure'
import type { AppEnv } from '../http/env'
import type { AppMetrics } from './app-metrics'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * GET /metrics in Prometheus text, mounted only when REQIO_METRICS_TOKEN is set. The token is
 * compared in constant time (hashing first evens out the lengths). Outside /v1, so no rate
 * limit applies; the request log writes it at `debug`.
 */
export function metricsRoutes(token: string, metrics: AppMetrics) {
  const expected = digest(token)
  return new Hono<AppEnv>().get('/metrics', async (c) => {
    const header = c.req.header('Authorization') ?? ''
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1]
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      if (header !== '') noteAuthFailure(c, 'metrics_token')
      throw unauthorized('GET /metrics needs Authorization: Bearer <REQIO_METRICS_TOKEN>.')
    }
    return c.body(await metrics.registry.metrics(), 200, {
      'Content-Type': metrics.registry.contentType,
      'Cache-Control': 'no-store',
    })
  })
}
