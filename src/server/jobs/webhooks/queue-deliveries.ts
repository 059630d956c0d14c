import type { SqlExecutor } from '../../store/db'
import { insertJob } from '../../store/job-inserts'
import {
  insertDeliveries,
  type NewDelivery,
  newDeliveryId,
} from '../../store/webhook-deliveries-store'
import { subscribedEndpoints } from '../../store/webhooks-store'

/** The body every endpoint receives (spec/api.md "Webhooks"). */
export interface WebhookBody {
  type: string
  timestamp: string
  data: unknown
}

/** One thing to tell the project's endpoints. */
export interface WebhookEvent {
  projectId: string
  type: string
  data: unknown
  /** Only this endpoint (a test event), subscribed or not. */
  onlyEndpointId?: string
}

export function webhookLane(endpointId: string): string {
  return `webhook:${endpointId}`
}

/**
 * One delivery (and one job sending it) per endpoint subscribed to `type`, in the caller's
 * transaction. The delivery id is the `webhook-id` header: the same on every retry.
 */
export async function queueWebhookDeliveries(
  tx: SqlExecutor,
  input: WebhookEvent & { now: number },
): Promise<number> {
  return queueWebhookDeliveriesMany(tx, [input], input.now)
}

/**
 * queueWebhookDeliveries for many events at once (a batch of votes): the endpoints of each
 * project and type are read once, and every delivery goes in with one statement.
 */
export async function queueWebhookDeliveriesMany(
  tx: SqlExecutor,
  events: WebhookEvent[],
  now: number,
): Promise<number> {
  const endpointsOf = new Map<string, string[]>()
  const deliveries: NewDelivery[] = []
  const timestamp = new Date(now).toISOString()
  for (const event of events) {
    const key = `${event.projectId} ${event.type}`
    let endpointIds = event.onlyEndpointId ? [event.onlyEndpointId] : endpointsOf.get(key)
    if (!endpointIds) {
      endpointIds = (await subscribedEndpoints(tx, event.projectId, event.type)).map((e) => e.id)
      endpointsOf.set(key, endpointIds)
    }
    if (endpointIds.length === 0) continue
    const body: WebhookBody = { type: event.type, timestamp, data: event.data }
    const text = JSON.stringify(body)
    for (const endpointId of endpointIds) {
      deliveries.push({
        id: newDeliveryId(),
        endpointId,
        projectId: event.projectId,
        event: event.type,
        body: text,
        lane: webhookLane(endpointId),
      })
    }
  }
  await insertDeliveries(tx, deliveries, now)
  return deliveries.length
}

/** Another attempt at an existing delivery ("retry now"). */
export async function queueDeliveryJob(
  tx: SqlExecutor,
  projectId: string,
  endpointId: string,
  deliveryId: string,
  now: number,
): Promise<void> {
  await insertJob(tx, {
    projectId,
    kind: 'webhook',
    lane: webhookLane(endpointId),
    payload: { deliveryId },
    runAt: now,
    now,
  })
}
