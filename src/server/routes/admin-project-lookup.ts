import { ApiError } from '../errors'
import type { RouteDeps } from '../http/env'
import type { ProjectRecord } from '../store'

export async function requireProject(deps: RouteDeps, id: string): Promise<ProjectRecord> {
  const project = await deps.store.projects.find(id)
  if (!project) throw new ApiError(404, 'project_not_found', `No project "${id}".`)
  return project
}
