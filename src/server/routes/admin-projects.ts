import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import * as v from 'valibot'
import type { AdminProject, CreatedProjectResponse } from '../../shared/api'
import { auditActor } from '../auth/team-actor'
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

const NewProjectSchema = v.object({ name: ProjectNameSchema })

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
    .post('/v1/admin/projects', async (c) => {
      const { name } = await readJsonBody(c, NewProjectSchema)
      const secret = generateSecret()
      const project = await deps.store.projects.create({
        id: newProjectId(name),
        name,
        secret,
        now: deps.clock.now(),
      })
      await deps.store.audit.record({
        projectId: project.id,
        actor: auditActor(c),
        action: 'project.created',
        target: project.id,
        now: deps.clock.now(),
      })
      const body: CreatedProjectResponse = {
        project: toAdminProject(project, deps.verifier.audienceOf(project.id)),
        secret,
      }
      return c.json(body, 201)
    })
    .get('/v1/admin/projects', async (c) => {
      const projects = await deps.store.projects.list()
      return c.json({
        projects: projects.map((p) => toAdminProject(p, deps.verifier.audienceOf(p.id))),
      })
    })
}
