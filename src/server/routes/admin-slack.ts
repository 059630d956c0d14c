import { Hono } from 'hono'
import type {
  SavedSlackIntegrationResponse,
  SlackIntegrationResponse,
  SlackTestResponse,
} from '../../shared/api/slack'
import { invalid, notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { slackLinksFor } from '../integrations/slack/slack-job'
import { slackMessage } from '../integrations/slack/slack-message'
import { trySlack } from '../integrations/slack/slack-send'
import {
  type SlackSettings,
  SlackSetupSchema,
  shownSlack,
  slackEventSet,
  slackUrlProblem,
} from '../integrations/slack/slack-setup'
import { outboundGuard } from '../outbound/outbound-guard'

/**
 * A project's Slack channel (spec/api.md v3 "The team's tools"), mounted at
 * /v1/admin/projects/:id/integrations/slack: set up or replace, read (URL masked), remove, and
 * send a test message now. The audit log names the channel's host only: the URL is its secret.
 */
export function adminSlackRoutes(deps: RouteDeps) {
  const guard = () => outboundGuard(deps.config.webhookAllowPrivate)
  const findSlack = (projectId: string) =>
    deps.store.integrations.find<SlackSettings>(projectId, 'slack')

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const project = c.get('project')
      const input = await readJsonBody(c, SlackSetupSchema)
      const problem = await slackUrlProblem(input.webhookUrl, guard())
      if (problem) throw invalid('webhookUrl', problem)
      const settings: SlackSettings = {
        webhookUrl: input.webhookUrl,
        events: slackEventSet(input.events),
      }
      await commit(deps, c, async (w) => {
        await w.store.integrations.put({
          projectId: project.id,
          kind: 'slack',
          settings: { ...settings },
          token: null,
          inboundSecret: null,
          now: w.now,
        })
        await w.audit({
          action: 'integration.slack_set',
          target: new URL(settings.webhookUrl).origin,
          detail: { events: settings.events },
        })
      })
      const answer: SavedSlackIntegrationResponse = { slack: settings }
      return c.json(answer, 201)
    })
    .get('/', async (c) => {
      const setup = await findSlack(c.get('project').id)
      const answer: SlackIntegrationResponse = { slack: setup ? shownSlack(setup) : null }
      return c.json(answer)
    })
    .delete('/', async (c) => {
      const project = c.get('project')
      await commit(deps, c, async (w) => {
        const setup = await w.store.integrations.find<SlackSettings>(project.id, 'slack')
        if (!setup) return w.nothingChanged()
        await w.store.integrations.remove(project.id, 'slack')
        await w.audit({
          action: 'integration.slack_removed',
          target: new URL(setup.settings.webhookUrl).origin,
        })
      })
      return c.body(null, 204)
    })
    .post('/test', async (c) => {
      const project = c.get('project')
      const setup = await findSlack(project.id)
      if (!setup) throw notFound.thing('Slack is not set up for this project.')
      const message = slackMessage(
        { type: 'test', projectName: project.name },
        slackLinksFor(project, deps.notifications.config.publicUrl),
      )
      const answer: SlackTestResponse = {
        test: await trySlack(setup.settings.webhookUrl, message, guard()),
      }
      return c.json(answer)
    })
}
