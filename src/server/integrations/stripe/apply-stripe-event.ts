import { STRIPE_COMPANY_KEY, STRIPE_SUB_KEY } from '../../../shared/api/revenue'
import type { Store } from '../../store'
import type { StripeMetadataAccount } from '../../store/stripe-store'
import { type PricedItem, subscriptionAtRisk, subscriptionMrrCents } from './subscription-mrr'
import type { StripeEvent } from './verify-stripe-event'

/** What one verified event did: Settings > Revenue and the logs say it. */
export type StripeEventOutcome = 'applied' | 'stale' | 'ignored'

const SUBSCRIPTION_EVENTS = [
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
]
const CUSTOMER_EVENTS = ['customer.created', 'customer.updated']

/**
 * What a verified Stripe event changes (spec v3 "The revenue ledger"): a customer event
 * remembers which account its metadata names; a subscription event sets the MRR and risk of
 * the account it names (its own metadata, else its customer's), unless an event of that
 * subscription created later was already applied. Every other type changes nothing. Runs in
 * the caller's transaction (`store` is bound to it).
 */
export async function applyStripeEvent(
  store: Store,
  projectId: string,
  event: StripeEvent,
  now: number,
): Promise<StripeEventOutcome> {
  const object = event.data?.object as unknown as Record<string, unknown> | undefined
  if (!object || typeof object.id !== 'string') return 'ignored'
  if (CUSTOMER_EVENTS.includes(event.type)) {
    await store.stripe.rememberCustomer(
      projectId,
      { customerId: object.id, named: metadataAccount(object.metadata), created: event.created },
      now,
    )
    return 'applied'
  }
  if (!SUBSCRIPTION_EVENTS.includes(event.type)) return 'ignored'
  // A deleted subscription is over whatever status the payload carries.
  const status =
    event.type === 'customer.subscription.deleted' ? 'canceled' : String(object.status ?? '')
  const cancelAtPeriodEnd = object.cancel_at_period_end === true
  const items = (object.items as { data?: PricedItem[] } | undefined)?.data ?? []
  const applied = await store.stripe.applySubscription(
    projectId,
    {
      subscriptionId: object.id,
      customerId: customerIdOf(object.customer),
      named: metadataAccount(object.metadata),
      status,
      cancelAtPeriodEnd,
      atRisk: subscriptionAtRisk(status, cancelAtPeriodEnd),
      mrrCents: subscriptionMrrCents(status, Array.isArray(items) ? items : []),
      created: event.created,
    },
    now,
  )
  return applied ? 'applied' : 'stale'
}

/** `reqio_company` / `reqio_sub` from Stripe metadata (string values; blank means unset). */
function metadataAccount(metadata: unknown): StripeMetadataAccount {
  const values = (metadata ?? {}) as Record<string, unknown>
  const read = (key: string) => {
    const value = values[key]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
  }
  return { company: read(STRIPE_COMPANY_KEY), sub: read(STRIPE_SUB_KEY) }
}

/** A subscription's customer: an id, or an expanded customer object. */
function customerIdOf(customer: unknown): string | null {
  if (typeof customer === 'string') return customer
  const id = (customer as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id : null
}
