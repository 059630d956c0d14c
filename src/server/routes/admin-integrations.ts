import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import type { IntegrationsResponse, TrackerSecretResponse } from '../../shared/api'
import { publicBase } from '../auth/members'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { parseOrFail, readJsonBody } from '../http/json-body'
import { describeIntegrations } from '../integrations/integrations-summary'
import { ISSUE_TRACKERS } from '../integrations/trackers/registry'
import { IntegrationKindSchema } from './integration-schemas'

/** 32 random bytes: what a tracker signs its webhooks with, shown to the team once. */
function newInboundSecret(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * A project's connected tools (spec/api.md v3 "The team's tools"):
 * GET /integrations says what is set up (never a token, secret or Slack URL);
 * POST /integrations/{github|linear} `{token?, <kind's settings>?}` sets a tracker up, keeps what
 * is omitted, and answers a new inbound secret each time (the old one stops verifying);
 * DELETE /integrations/{slack|github|linear} removes the set-up (204 whether or not there was one).
 */
export function adminIntegrationsRoutes(deps: RouteDeps) {
  const routes = new Hono<AppEnv>().get('/', async (c) => {
    const project = c.get('project')
    const setups = await deps.store.integrations.list(project.id)
    const body: IntegrationsResponse = describeIntegrations(setups, {
      base: publicBase(deps, c),
      projectId: project.id,
    })
    return c.json(body)
  })
  // One path per tracker (POST …/integrations/github, …/linear), each with its own body.
  for (const tracker of Object.values(ISSUE_TRACKERS)) {
    routes.post(`/${tracker.kind}`, async (c) => {
      const project = c.get('project')
      const input = await readJsonBody(c, tracker.setupSchema)
      const { token, ...given } = input
      const secret = newInboundSecret()
      await commit(deps, c, async (w) => {
        const stored = await w.store.integrations.find(project.id, tracker.kind)
        const settings = tracker.settingsOf(given, stored?.settings ?? null)
        await w.store.integrations.put({
          projectId: project.id,
          kind: tracker.kind,
          settings,
          token: token ?? stored?.token ?? null,
          inboundSecret: secret,
          now: w.now,
        })
        // What changed, never the token or the secret themselves.
        await w.audit({
          action: stored ? 'integration.updated' : 'integration.created',
          target: tracker.kind,
          detail: { ...settings, tokenChanged: token !== undefined, secretRotated: true },
        })
      })
      const body: TrackerSecretResponse = { secret }
      return c.json(body, 201)
    })
  }
  routes.delete('/:kind', async (c) => {
    const project = c.get('project')
    const kind = parseOrFail(IntegrationKindSchema, c.req.param('kind'), 'kind')
    await commit(deps, c, async (w) => {
      if (!(await w.store.integrations.remove(project.id, kind))) return w.nothingChanged()
      await w.audit({ action: 'integration.removed', target: kind })
    })
    return c.body(null, 204)
  })
  return routes
}
