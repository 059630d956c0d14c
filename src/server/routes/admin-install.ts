import { Hono } from 'hono'
import type { InstallStatusResponse } from '../../shared/api'
import type { AppEnv, RouteDeps } from '../http/env'

/**
 * GET /v1/admin/projects/:id/install: where the widget has been seen (first and latest
 * sighting per origin) and the project's first steps, for the Install page's live check.
 */
export function adminInstallRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const project = c.get('project')
    const [origins, progress] = await Promise.all([
      deps.store.origins.list(project.id),
      deps.store.origins.progress(project.id),
    ])
    return c.json({ origins, progress } satisfies InstallStatusResponse)
  })
}
