import { notFound } from '../errors'
import type { RouteDeps } from '../http/env'
import type { ProjectRecord } from '../store'

export async function requireProject(deps: RouteDeps, id: string): Promise<ProjectRecord> {
  const project = await deps.store.projects.find(id)
  if (!project) throw notFound.project(id)
  return project
}
