import { Hono } from 'hono'
import * as v from 'valibot'
import type { WebhookDeliveryInfo, WebhookEndpointInfo } from '../../shared/notifications'
import { auditActor } from '../auth/team-actor'
import { ApiError, invalid, notFound } from '../errors'
import { type AuditLine, commit } from '../events/commit'
import { WEBHOOK_EVENT_TYPES } from '../events/events'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { queueDeliveryJob, queueWebhookDeliveries } from '../jobs/webhooks/queue-deliveries'
import { outboundGuard } from '../outbound/outbound-guard'
import type { WebhookDelivery } from '../store/webhook-deliveries-store'
import type { WebhookEndpoint } from '../store/webhooks-store'

const EventsSchema = v.nullable(
  v.pipe(
    v.array(
      v.picklist(WEBHOOK_EVENT_TYPES, `events must be among ${WEBHOOK_EVENT_TYPES.join(', ')}`),
    ),
    v.minLength(1, 'events must name at least one event, or be left out for all'),
  ),
)

export const NewEndpointSchema = v.object({
  url: v.pipe(v.string('url must be a string'), v.trim(), v.maxLength(2000)),
  events: v.optional(EventsSchema),
})

/** A change of what an endpoint hears: `events` is required here (null: all events). */
export const EndpointChangeSchema = v.object({ events: EventsSchema })

/** Each event once, in the order given; null (or left out): every event. */
const eventSet = (events: readonly string[] | null | undefined) =>
  events ? [...new Set(events)] : null

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
  const endpointOf = async (projectId: string, id: string) => {
    const endpoint = await deps.store.webhooks.find(projectId, id)
    if (!endpoint) throw webhookNotFound()
    return endpoint
  }

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const project = c.get('project')
      const input = await readJsonBody(c, NewEndpointSchema)
      const problem = await outboundGuard(deps.config.webhookAllowPrivate).targetProblem(input.url)
      if (problem) throw invalid('url', problem)
      const { endpoint, secret } = await commit(deps, c, async (w) => {
        const created = await w.store.webhooks.create({
          projectId: project.id,
          url: input.url,
          events: eventSet(input.events),
          now: w.now,
        })
        await w.audit(endpointLine('webhook.created', created.endpoint))
        return created
      })
      return c.json({ webhook: toEndpointInfo(endpoint), secret }, 201)
    })
    .get('/', async (c) => {
      const endpoints = await deps.store.webhooks.list(c.get('project').id)
      return c.json({ webhooks: endpoints.map(toEndpointInfo) })
    })
    .delete('/:wid', async (c) => {
      const project = c.get('project')
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      await commit(deps, c, async (w) => {
        await w.store.webhooks.delete(project.id, endpoint.id)
        await w.audit(endpointLine('webhook.deleted', endpoint))
      })
      return c.body(null, 204)
    })
    .patch('/:wid', async (c) => {
      const project = c.get('project')
      const input = await readJsonBody(c, EndpointChangeSchema)
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      const changed = await commit(deps, c, async (w) => {
        const updated = await w.store.webhooks.setEvents(
          project.id,
          endpoint.id,
          eventSet(input.events),
        )
        if (!updated) throw webhookNotFound()
        await w.audit({
          ...endpointLine('webhook.events_changed', endpoint),
          detail: { before: endpoint.events, after: updated.events },
        })
        return updated
      })
      return c.json({ webhook: toEndpointInfo(changed) })
    })
    .post('/:wid/secret', async (c) => {
      const project = c.get('project')
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      const secret = await commit(deps, c, async (w) => {
        const rotated = await w.store.webhooks.rotateSecret(project.id, endpoint.id)
        if (!rotated) throw webhookNotFound()
        await w.audit(endpointLine('webhook.secret_rotated', endpoint))
        return rotated
      })
      return c.json({ secret }, 201)
    })
    .post('/:wid/test', async (c) => {
      const project = c.get('project')
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      await commit(deps, c, async (w) => {
        const queued = await queueWebhookDeliveries(w.tx, {
          projectId: project.id,
          type: 'webhook.test',
          data: {
            message: 'A test event from Reqio.',
            project: { id: project.id, name: project.name },
          },
          now: w.now,
          onlyEndpointId: endpoint.id,
        })
        if (queued > 0) w.jobQueued()
      })
      const [delivery] = await deps.store.webhookDeliveries.list(project.id, endpoint.id, 1)
      return c.json({ delivery: delivery ? toDeliveryInfo(delivery) : null }, 202)
    })
    .get('/:wid/deliveries', async (c) => {
      const project = c.get('project')
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      const deliveries = await deps.store.webhookDeliveries.list(project.id, endpoint.id)
      return c.json({ deliveries: deliveries.map(toDeliveryInfo) })
    })
    .post('/:wid/deliveries/:did/retry', async (c) => {
      const project = c.get('project')
      const endpoint = await endpointOf(project.id, c.req.param('wid'))
      const delivery = await deps.store.webhookDeliveries.find(
        project.id,
        endpoint.id,
        c.req.param('did'),
      )
      if (!delivery) throw notFound.thing('No such delivery.')
      await commit(deps, c, async (w) => {
        // A waiting job is replaced, so the delivery is attempted once now, not twice.
        await w.store.jobs.cancelWebhookJobs(w.tx, delivery.id)
        await w.store.webhookDeliveries.markPending(w.tx, delivery.id, w.now)
        await queueDeliveryJob(w.tx, project.id, endpoint.id, delivery.id, w.now)
        w.jobQueued()
      })
      const updated = await deps.store.webhookDeliveries.find(project.id, endpoint.id, delivery.id)
      return c.json({ delivery: updated ? toDeliveryInfo(updated) : null }, 202)
    })
}

/**
 * The audit log names an endpoint by its origin: the path and query of a Slack or Zapier URL
 * are its secret, and every role reads the log.
 */
function endpointLine(action: string, endpoint: WebhookEndpoint): AuditLine {
  return { action, target: new URL(endpoint.url).origin }
}
