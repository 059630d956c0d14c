/**
 * Stripe events as Stripe sends them (the fields Reqio reads, with Stripe's names), signed with
 * the `stripe` package's own test helper, and a poster for POST /v1/integrations/stripe/{pid}.
 */
import Stripe from 'stripe'

const stripe = new Stripe('sk_test_unused')

export interface PriceItem {
  unitAmount: number
  quantity?: number
  interval: 'day' | 'week' | 'month' | 'year'
  intervalCount?: number
}

export interface SubscriptionFields {
  id: string
  customer?: string
  status?: string
  cancelAtPeriodEnd?: boolean
  metadata?: Record<string, string>
  items: PriceItem[]
}

let eventSeq = 0

export function stripeEvent(type: string, created: number, object: Record<string, unknown>) {
  eventSeq += 1
  return {
    id: `evt_test_${eventSeq}`,
    object: 'event',
    api_version: '2025-11-17.clover',
    type,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  }
}

export function subscriptionEvent(
  type: 'created' | 'updated' | 'deleted',
  created: number,
  fields: SubscriptionFields,
) {
  return stripeEvent(`customer.subscription.${type}`, created, {
    id: fields.id,
    object: 'subscription',
    customer: fields.customer ?? `cus_of_${fields.id}`,
    status: fields.status ?? 'active',
    cancel_at_period_end: fields.cancelAtPeriodEnd ?? false,
    metadata: fields.metadata ?? {},
    items: {
      object: 'list',
      data: fields.items.map((item, index) => ({
        id: `si_${fields.id}_${index}`,
        object: 'subscription_item',
        quantity: item.quantity ?? 1,
        price: {
          id: `price_${index}`,
          object: 'price',
          currency: 'usd',
          unit_amount: item.unitAmount,
          unit_amount_decimal: String(item.unitAmount),
          recurring: {
            interval: item.interval,
            interval_count: item.intervalCount ?? 1,
            usage_type: 'licensed',
          },
        },
      })),
    },
  })
}

export function customerEvent(
  type: 'created' | 'updated',
  created: number,
  id: string,
  metadata: Record<string, string>,
) {
  return stripeEvent(`customer.${type}`, created, { id, object: 'customer', metadata })
}

/** The Stripe-Signature header Stripe would send for `payload`. */
export function stripeSignature(payload: string, secret: string, timestamp?: number): string {
  return stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp })
}

/** Posts `event` to the project's Stripe webhook, signed with `secret` (or a given header). */
export function postStripeEvent(
  baseUrl: string,
  projectId: string,
  event: unknown,
  secret: string,
  signature?: string | null,
): Promise<Response> {
  const payload = JSON.stringify(event)
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  const header = signature === undefined ? stripeSignature(payload, secret) : signature
  if (header !== null) headers['Stripe-Signature'] = header
  return fetch(`${baseUrl}/v1/integrations/stripe/${projectId}`, {
    method: 'POST',
    headers,
    body: payload,
  })
}
