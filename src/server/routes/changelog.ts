import { Hono } from 'hono'
import type { PublicChangelogResponse } from '../../shared/api'
import type { AppEnv, RouteDeps } from '../http/env'

/** GET /v1/projects/:projectId/changelog: published entries only, newest first. */
export function changelogRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/v1/projects/:projectId/changelog', async (c) => {
    const body: PublicChangelogResponse = {
      entries: await deps.caches.changelog(c.get('project').id),
    }
    return c.json(body)
  })
}
