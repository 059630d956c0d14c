import type { RouteDoc } from '../route-doc'
import {
  CompanyMrrHistoryResponseSchema,
  StripeSettingsResponseSchema,
  StripeWebhookAnswerSchema,
} from '../schemas/revenue'
import { adminDoc, projectErrors } from './admin-doc-parts'

export const STRIPE_TAG = 'Stripe'
export const STRIPE_TAG_DESCRIPTION =
  "Stripe's webhook: the MRR of accounts Stripe knows, from their subscriptions (spec v3 " +
  '"The revenue ledger"). Set the project\'s `settings.stripe.webhookSecret` first.'

/** The endpoint Stripe calls (spec v3 "The revenue ledger"). */
export const stripeWebhookDocs: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/v1/integrations/stripe/{projectId}',
    summary: "Stripe's webhook",
    description:
      "Verified with the project's whsec_ secret by the `Stripe-Signature` scheme (Stripe's own " +
      'verifier, 5 minutes tolerance): a missing or bad signature answers 400 validation_failed ' +
      'and changes nothing. `customer.created` / `customer.updated` remember which account the ' +
      "customer's metadata names (`reqio_company`: a company id, `reqio_sub`: a person); " +
      "`customer.subscription.created` / `.updated` / `.deleted` set that account's MRR (sum of " +
      'unit_amount × quantity ÷ interval_count per month; 0 when canceled, unpaid or ' +
      'incomplete_expired) and at-risk flag, and move the backlog before answering; an event older ' +
      '(by `created`) than the last applied to its subscription changes nothing. Other types: 200, ' +
      'ignored. No Stripe set-up for the project: 404.',
    tag: STRIPE_TAG,
    security: [],
    pathParams: { projectId: 'The project id.' },
    headers: {
      'Stripe-Signature': { description: 'Set by Stripe: t=…,v1=….', required: true },
    },
    rawBody: {
      contentTypes: ['application/json'],
      description: 'The Stripe event exactly as Stripe sent it (the signature covers these bytes).',
    },
    responses: { 200: { description: 'Received.', schema: StripeWebhookAnswerSchema } },
    errors: [400, 404, 413, 503],
  },
]

/** The admin side: Settings › Revenue and a company's MRR history. */
export const adminRevenueDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/stripe',
    tag: 'Admin: projects',
    summary: "The project's Stripe webhook",
    description:
      'Whether a whsec_ secret is set (never the secret: `PATCH /v1/admin/projects/{id}` ' +
      '`{settings: {stripe: {webhookSecret}}}` sets it, null removes it), the endpoint URL to ' +
      'add in Stripe, and the last event received (any type).',
    pathParams: { id: 'The project id.' },
    responses: { 200: { description: 'The set-up.', schema: StripeSettingsResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/companies/{cid}/mrr-history',
    tag: 'Admin: companies',
    summary: "A company's MRR history",
    description:
      'Every change of its MRR, newest first (at most 200), with its source (token or stripe) ' +
      'and time. No person has sent a token with this company: 404.',
    pathParams: { id: 'The project id.', cid: "The company id (the token's company.id)." },
    responses: { 200: { description: 'The changes.', schema: CompanyMrrHistoryResponseSchema } },
    errors: projectErrors(),
  }),
]
