import * as v from 'valibot'
import { Timestamp } from './admin-common'

/** `WebhookEndpointInfo`: `events` null means every event. */
export const WebhookEndpointSchema = v.object({
  id: v.string(),
  url: v.string(),
  events: v.nullable(v.array(v.string())),
  createdAt: Timestamp,
})

/** `WebhookDeliveryInfo`. */
export const WebhookDeliverySchema = v.object({
  id: v.string(),
  event: v.string(),
  status: v.picklist(['pending', 'delivered', 'failed']),
  attempts: v.number(),
  lastStatusCode: v.nullable(v.number()),
  lastError: v.nullable(v.string()),
  nextAttemptAt: v.nullable(Timestamp),
  deliveredAt: v.nullable(Timestamp),
  createdAt: Timestamp,
})

/** `POST …/webhooks`: the signing secret (`whsec_…`) appears only here and on rotation. */
export const CreatedWebhookResponseSchema = v.object({
  webhook: WebhookEndpointSchema,
  secret: v.string(),
})

export const WebhookListResponseSchema = v.object({ webhooks: v.array(WebhookEndpointSchema) })
export const WebhookResponseSchema = v.object({ webhook: WebhookEndpointSchema })
export const WebhookSecretResponseSchema = v.object({ secret: v.string() })

/** `POST …/test` and `…/retry`: the delivery queued (null if none was). */
export const QueuedDeliveryResponseSchema = v.object({
  delivery: v.nullable(WebhookDeliverySchema),
})

export const DeliveryListResponseSchema = v.object({
  deliveries: v.array(WebhookDeliverySchema),
})
