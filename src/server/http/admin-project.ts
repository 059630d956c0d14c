import type { MiddlewareHandler } from 'hono'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from './env'

/**
 * For /v1/admin/projects/:id/*: loads the project once (404 project_not_found) and sets
 * `project`, as resolveCaller does for the public routes. Read from the store, not the caches:
 * the dashboard answers what was just saved, and a unit of work invalidates this project.
 */
export function loadAdminProject(deps: Pick<RouteDeps, 'store'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('id') ?? ''
    const project = await deps.store.projects.find(id)
    if (!project) throw notFound.project(id)
    c.set('project', project)
    return next()
  }
}
