import type { SqlExecutor } from '../../store/db'
import { insertJob } from '../../store/jobs-store'
import { insertDelivery, newDeliveryId, subscribedEndpoints } from '../../store/webhooks-store'

/** The body every endpoint receives (spec/api.md "Webhooks"). */
export interface WebhookBody {
  type: string
  timestamp: string
  data: unknown
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
  input: { projectId: string; type: string; data: unknown; now: number; onlyEndpointId?: string },
): Promise<number> {
  const endpoints = input.onlyEndpointId
    ? [{ id: input.onlyEndpointId }]
    : await subscribedEndpoints(tx, input.projectId, input.type)
  const body: WebhookBody = {
    type: input.type,
    timestamp: new Date(input.now).toISOString(),
    data: input.data,
  }
  const text = JSON.stringify(body)
  for (const endpoint of endpoints) {
    const deliveryId = newDeliveryId()
    await insertDelivery(tx, {
      id: deliveryId,
      endpointId: endpoint.id,
      projectId: input.projectId,
      event: input.type,
      body: text,
      nextAttemptAt: input.now,
      now: input.now,
    })
    await queueDeliveryJob(tx, input.projectId, endpoint.id, deliveryId, input.now)
  }
  return endpoints.length
}

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
