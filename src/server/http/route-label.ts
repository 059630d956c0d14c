import type { Context } from 'hono'
import { matchedRoutes, routePath } from 'hono/route'

/** The label of every request no route of ours matched: raw paths would give each scanner's guess its own series. */
export const UNMATCHED_ROUTE = 'unmatched'

/** Hono registers middleware (`app.use`) under this method; routes under their own. */
const MIDDLEWARE_METHOD = 'ALL'

/**
 * The route pattern that served the request (`/v1/projects/:projectId/requests`), never the
 * raw path: logs and metric labels stay free of ids and tokens and have few values. Call it
 * after `await next()`.
 */
export function routeLabel(c: Context): string {
  const route = matchedRoutes(c).find((matched) => matched.method !== MIDDLEWARE_METHOD)
  if (route) return route.path
  // No route, so a middleware answered: a CORS preflight, a 429 or a 404 before routing.
  if (c.res.status === 404) return UNMATCHED_ROUTE
  return routePath(c) || UNMATCHED_ROUTE
}
