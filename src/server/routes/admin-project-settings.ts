import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { MODERATION_MODES } from '../../shared/api/moderation'
import { normaliseHostName } from '../../shared/api/portal-settings'
import { serverOrigin } from '../auth/same-origin'
import { auditActor } from '../auth/team-actor'
import { ApiError, conflict, invalid, notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { isPortalDomainTaken } from '../store/projects-store'
import { ProjectNameSchema, toAdminProject } from './admin-projects'
import { absoluteUrlSetting, PortalSettingsPatchSchema } from './portal-settings-schema'
import {
  StripeSettingsPatchSchema,
  saveStripeSettings,
  withoutStripeSecret,
} from './stripe-settings'
import { WidgetSettingsPatchSchema } from './widget-settings-schema'

export const ProjectPatchSchema = v.strictObject(
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
          siteUrl: absoluteUrlSetting('siteUrl'),
          ssoUrl: absoluteUrlSetting('ssoUrl'),
          portal: v.optional(PortalSettingsPatchSchema),
          moderation: v.optional(
            v.picklist(MODERATION_MODES, 'moderation must be off, anonymous or all'),
          ),
          // v3 "The revenue ledger": write-only (GET .../stripe says whether it is set).
          stripe: v.optional(StripeSettingsPatchSchema),
        },
        'settings has an unknown field',
      ),
    ),
  },
  'the body has an unknown field',
)

/**
 * A portal on Reqio's own host would take its `/` (and the dashboard's links) away from every
 * other project: refused whether that host is REQIO_PUBLIC_URL's or the one this call came to.
 */
function servesReqioItself(c: Context<AppEnv>, deps: RouteDeps, domain: string): boolean {
  const ownHosts = [new URL(serverOrigin(c, deps.config)).hostname, new URL(c.req.url).hostname]
  return ownHosts.some((host) => normaliseHostName(host) === domain)
}

/**
 * PATCH /v1/admin/projects/:id `{name?, settings?}`: rename, switch requireIdentity and
 * allowAnonymousComments, set siteUrl and ssoUrl, or change some of the widget's or the
 * portal's settings (the others stay). A portal domain another project holds: 409 conflict. The change
 * and its audit line commit together, and the project caches are dropped before answering, so
 * the next public call sees the new settings.
 */
export function adminProjectSettingsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().patch('/', async (c) => {
    const patch = await readJsonBody(c, ProjectPatchSchema)
    if (patch.name === undefined && patch.settings === undefined)
      throw invalid('body', 'Send name or settings to change.')
    const domain = patch.settings?.portal?.domain
    if (domain && servesReqioItself(c, deps, domain))
      throw invalid(
        'settings.portal.domain',
        'portal.domain must be a host of its own, not the one Reqio itself is reached at.',
      )
    const { id } = c.get('project')
    const project = await commit(deps, c, async (w) => {
      const updated = await w.store.projects.update(id, patch)
      if (!updated) throw notFound.project(id)
      await saveStripeSettings(w, id, patch.settings?.stripe)
      await w.audit({
        action: patch.settings ? 'settings.changed' : 'project.renamed',
        target: id,
        detail: withoutStripeSecret(patch),
      })
      return updated
    }).catch((error: unknown) => {
      if (isPortalDomainTaken(error))
        throw conflict('Another project already serves its portal on that domain.')
      throw error
    })
    await deps.caches.forgetProject(project.id)
    return c.json({ project: toAdminProject(project, deps.verifier.audienceOf(project.id)) })
  })
}
