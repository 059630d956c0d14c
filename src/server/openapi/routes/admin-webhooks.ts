import { EndpointChangeSchema, NewEndpointSchema } from '../../routes/admin-webhooks'
import type { RouteDoc } from '../route-doc'
import {
  CreatedWebhookResponseSchema,
  DeliveryListResponseSchema,
  QueuedDeliveryResponseSchema,
  WebhookListResponseSchema,
  WebhookResponseSchema,
  WebhookSecretResponseSchema,
} from '../schemas/admin-webhooks'
import { adminDoc, BODY, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: webhooks'
const endpointParams = { ...PARAM.project, wid: 'The webhook endpoint id.' }
const notFound = 'No such endpoint in this project: 404.'

/** Webhook endpoints (spec "Webhooks"): owner and admin only, reading included. */
export const adminWebhooksDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/webhooks',
    tag,
    summary: 'Add a webhook endpoint',
    description:
      'events absent or null: every event. Targets in private, loopback and link-local ranges: 400 unless REQIO_WEBHOOK_ALLOW_PRIVATE=1. The signing secret (whsec_…) is shown only here and on rotation.',
    pathParams: PARAM.project,
    body: NewEndpointSchema,
    responses: {
      201: { description: 'The endpoint and its secret.', schema: CreatedWebhookResponseSchema },
    },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/webhooks',
    tag,
    summary: 'List the webhook endpoints',
    pathParams: PARAM.project,
    responses: { 200: { description: 'The endpoints.', schema: WebhookListResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'patch',
    path: '/v1/admin/projects/{id}/webhooks/{wid}',
    tag,
    summary: 'Change the events an endpoint hears',
    description: `events is required (null: every event). ${notFound}`,
    pathParams: endpointParams,
    body: EndpointChangeSchema,
    responses: { 200: { description: 'The endpoint.', schema: WebhookResponseSchema } },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'delete',
    path: '/v1/admin/projects/{id}/webhooks/{wid}',
    tag,
    summary: 'Remove a webhook endpoint',
    description: notFound,
    pathParams: endpointParams,
    responses: { 204: { description: 'Removed.' } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/webhooks/{wid}/secret',
    tag,
    summary: "Rotate an endpoint's signing secret",
    description: `The new secret signs every delivery from now on; shown only here. ${notFound}`,
    pathParams: endpointParams,
    responses: { 201: { description: 'The new secret.', schema: WebhookSecretResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/webhooks/{wid}/test',
    tag,
    summary: 'Send a test event',
    description: `Queues a webhook.test delivery to this endpoint. ${notFound}`,
    pathParams: endpointParams,
    responses: {
      202: { description: 'The delivery queued.', schema: QueuedDeliveryResponseSchema },
    },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/webhooks/{wid}/deliveries',
    tag,
    summary: "An endpoint's delivery log",
    description: `Newest first. ${notFound}`,
    pathParams: endpointParams,
    responses: { 200: { description: 'The deliveries.', schema: DeliveryListResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/webhooks/{wid}/deliveries/{did}/retry',
    tag,
    summary: 'Retry a delivery now',
    description:
      'Attempted once now (a waiting retry is replaced). No such endpoint or delivery: 404.',
    pathParams: { ...endpointParams, did: 'The delivery id.' },
    responses: {
      202: { description: 'The delivery, queued again.', schema: QueuedDeliveryResponseSchema },
    },
    errors: projectErrors(),
  }),
]
