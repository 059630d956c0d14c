import { Hono } from 'hono'
import * as v from 'valibot'
import type { WebhookDeliveryInfo, WebhookEndpointInfo } from '../../shared/notifications'
import { auditActor } from '../auth/team-actor'
import { invalid, notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { WEBHOOK_EVENT_TYPES } from '../jobs/events'
import { queueDeliveryJob, queueWebhookDeliveries } from '../jobs/webhooks/queue-deliveries'
import { outboundGuard } from '../outbound/outbound-guard'
import type { WebhookDelivery } from '../store/webhook-deliveries-store'
import type { WebhookEndpoint } from '../store/webhooks-store'
import { requireProject } from './admin-project-lookup'

const NewEndpointSchema = v.object({
  url: v.pipe(v.string('url must be a string'), v.trim(), v.maxLength(2000)),
  events: v.optional(
    v.nullable(
      v.pipe(
        v.array(
          v.picklist(WEBHOOK_EVENT_TYPES, `events must be among ${WEBHOOK_EVENT_TYPES.join(', ')}`),
        ),
        v.minLength(1, 'events must name at least one event, or be left out for all'),
      ),
    ),
  ),
})

const toEndpointInfo = (endpoint: WebhookEndpoint): WebhookEndpointInfo => ({
  id: endpoint.id,
  url: endpoint.url,
  events: endpoint.events,
  createdAt: endpoint.createdAt,
})

const toDeliveryInfo = (d: WebhookDelivery): WebhookDeliveryInfo => ({
  id: d.id,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  nextAttemptAt: d.nextAttemptAt,
  deliveredAt: d.deliveredAt,
  createdAt: d.createdAt,
})

const webhookNotFound = () => notFound.thing('No such webhook endpoint in this project.')

/**
 * Webhook endpoints of a project (spec/api.md "Webhooks"): create (the secret is shown only
 * then and on rotation), list, delete, rotate, send a test event, the delivery log, retry now.
 */
export function adminWebhooksRoutes(deps: RouteDeps) {
  const base = '/v1/admin/projects/:id/webhooks'
  const endpointOf = async (projectId: string, id: string) => {
    const endpoint = await deps.store.webhooks.find(projectId, id)
    if (!endpoint) throw webhookNotFound()
    return endpoint
  }
  // The audit log names an endpoint by its origin: the path and query of a Slack or Zapier
  // URL are its secret, and every role reads the log.
  const audit = (
    c: Parameters<typeof auditActor>[0],
    projectId: string,
    action: string,
    endpointUrl: string,
  ) =>
    deps.store.audit.record({
      projectId,
      actor: auditActor(c),
      action,
      target: new URL(endpointUrl).origin,
      now: deps.clock.now(),
    })

  return new Hono<AppEnv>()
    .post(base, async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const input = await readJsonBody(c, NewEndpointSchema)
      const problem = await outboundGuard(deps.config.webhookAllowPrivate).targetProblem(input.url)
      if (problem) throw invalid('url', problem)
      const { endpoint, secret } = await deps.store.webhooks.create({
        projectId: project.id,
        url: input.url,
        events: input.events ? [...new Set(input.events)] : null,
        now: deps.clock.now(),
      })
      await audit(c, project.id, 'webhook.created', endpoint.url)
      return c.json({ webhook: toEndpointInfo(endpoint), secret }, 201)
    })
    .get(base, async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const endpoints = await deps.store.webhooks.list(project.id)
      return c.json({ webhooks: endpoints.map(toEndpointInfo) })
    })
    .delete(`${base}/:wid`, async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      await deps.store.webhooks.delete(project.id, endpoint.id)
      await audit(c, project.id, 'webhook.deleted', endpoint.url)
      return c.body(null, 204)
    })
    .post(`${base}/:wid/secret`, async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      const secret = await deps.store.webhooks.rotateSecret(project.id, endpoint.id)
      if (!secret) throw webhookNotFound()
      await audit(c, project.id, 'webhook.secret_rotated', endpoint.url)
      return c.json({ secret }, 201)
    })
    .post(`${base}/:wid/test`, async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      const now = deps.clock.now()
      await deps.store.db.transaction((tx) =>
        queueWebhookDeliveries(tx, {
          projectId: project.id,
          type: 'webhook.test',
          data: {
            message: 'A test event from Reqio.',
            project: { id: project.id, name: project.name },
          },
          now,
          onlyEndpointId: endpoint.id,
        }),
      )
      deps.notifications.runner.kick()
      const [delivery] = await deps.store.webhookDeliveries.list(project.id, endpoint.id, 1)
      return c.json({ delivery: delivery ? toDeliveryInfo(delivery) : null }, 202)
    })
    .get(`${base}/:wid/deliveries`, async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      const deliveries = await deps.store.webhookDeliveries.list(project.id, endpoint.id)
      return c.json({ deliveries: deliveries.map(toDeliveryInfo) })
    })
    .post(`${base}/:wid/deliveries/:did/retry`, async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      const delivery = await deps.store.webhookDeliveries.find(
        project.id,
        endpoint.id,
        c.req.param('did'),
      )
      if (!delivery) throw notFound.thing('No such delivery.')
      const now = deps.clock.now()
      await deps.store.db.transaction(async (tx) => {
        // A waiting job is replaced, so the delivery is attempted once now, not twice.
        await deps.store.jobs.cancelWebhookJobs(tx, delivery.id)
        await deps.store.webhookDeliveries.markPending(tx, delivery.id, now)
        await queueDeliveryJob(tx, project.id, endpoint.id, delivery.id, now)
      })
      deps.notifications.runner.kick()
      const updated = await deps.store.webhookDeliveries.find(project.id, endpoint.id, delivery.id)
      return c.json({ delivery: updated ? toDeliveryInfo(updated) : null }, 202)
    })
}
