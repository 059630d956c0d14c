import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import * as v from 'valibot'
import type { AdminProject, CreatedProjectResponse } from '../../shared/api'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { generateSecret } from '../identity/secrets'
import type { ProjectRecord } from '../store'

export const ProjectNameSchema = v.pipe(
  v.string('name must be a string'),
  v.trim(),
  v.minLength(1, 'name must not be empty'),
  v.maxLength(100),
)

export const NewProjectSchema = v.object({ name: ProjectNameSchema })

/** A readable, URL-safe id: a slug of the name plus a random suffix. */
export function newProjectId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
  const suffix = randomBytes(5).toString('hex').slice(0, 6)
  return `${slug || 'project'}-${suffix}`
}

export function toAdminProject(project: ProjectRecord, audience: string): AdminProject {
  return {
    id: project.id,
    name: project.name,
    audience,
    createdAt: project.createdAt,
    settings: project.settings,
  }
}

/** POST and GET /v1/admin/projects. The secret appears only in the creation answer. */
export function adminProjectsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { name } = await readJsonBody(c, NewProjectSchema)
      const secret = generateSecret()
      const project = await commit(deps, c, async (w) => {
        const created = await w.store.projects.create({
          id: newProjectId(name),
          name,
          secret,
          now: w.now,
        })
        await w.audit({ projectId: created.id, action: 'project.created', target: created.id })
        return created
      })
      const body: CreatedProjectResponse = {
        project: toAdminProject(project, deps.verifier.audienceOf(project.id)),
        secret,
      }
      return c.json(body, 201)
    })
    .get('/', async (c) => {
      const projects = await deps.store.projects.list()
      return c.json({
        projects: projects.map((p) => toAdminProject(p, deps.verifier.audienceOf(p.id))),
      })
    })
}
