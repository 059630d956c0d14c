import { Hono } from 'hono'
import * as v from 'valibot'
import { auditActor } from '../auth/team-actor'
import { ApiError, invalid, notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { ProjectNameSchema, toAdminProject } from './admin-projects'
import { WidgetSettingsPatchSchema } from './widget-settings-schema'

const ProjectPatchSchema = v.strictObject(
  {
    name: v.optional(ProjectNameSchema),
    settings: v.optional(
      v.strictObject(
        {
          requireIdentity: v.optional(v.boolean('requireIdentity must be true or false')),
          allowAnonymousComments: v.optional(
            v.boolean('allowAnonymousComments must be true or false'),
          ),
          widget: v.optional(WidgetSettingsPatchSchema),
        },
        'settings has an unknown field',
      ),
    ),
  },
  'the body has an unknown field',
)

/**
 * PATCH /v1/admin/projects/:id `{name?, settings?}`: rename, switch requireIdentity and
 * allowAnonymousComments, or change some of the widget's settings (the others stay). The change
 * and its audit line commit together, and the project caches are dropped before answering, so
 * the next public call sees the new settings.
 */
export function adminProjectSettingsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().patch('/', async (c) => {
    const patch = await readJsonBody(c, ProjectPatchSchema)
    if (patch.name === undefined && patch.settings === undefined)
      throw invalid('body', 'Send name or settings to change.')
    const { id } = c.get('project')
    const project = await commit(deps, c, async (w) => {
      const updated = await w.store.projects.update(id, patch)
      if (!updated) throw notFound.project(id)
      await w.audit({
        action: patch.settings ? 'settings.changed' : 'project.renamed',
        target: id,
        detail: { ...patch },
      })
      return updated
    })
    await deps.caches.forgetProject(project.id)
    return c.json({ project: toAdminProject(project, deps.verifier.audienceOf(project.id)) })
  })
}
