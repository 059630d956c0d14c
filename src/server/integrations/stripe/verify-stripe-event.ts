import Stripe from 'stripe'

/**
 * Stripe's own verifier (the `Stripe-Signature` scheme: a timestamp and an HMAC-SHA256 of
 * `timestamp.rawBody` with the endpoint's whsec_ secret, within five minutes). Reqio calls no
 * Stripe API: the client exists only for its `webhooks` helper, so its key is never used.
 */
const stripe = new Stripe('sk_test_unused')

/** How old a signed event may be, in seconds: Stripe's own default. */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300

export type StripeEvent = Stripe.Event

/**
 * The event when `signature` signs exactly `rawBody` with `secret` and is recent by `nowMs`
 * (the server's clock); null for a missing, wrong or stale signature and for a body that is
 * not an event.
 */
export function verifyStripeEvent(
  rawBody: string,
  signature: string | undefined,
  secret: string,
  nowMs: number,
): StripeEvent | null {
  if (!signature) return null
  try {
    const event = stripe.webhooks.constructEvent(
      rawBody,
      signature,
      secret,
      STRIPE_SIGNATURE_TOLERANCE_SECONDS,
      undefined,
      nowMs,
    )
    return typeof event?.type === 'string' && typeof event.created === 'number' ? event : null
  } catch {
    return null
  }
}
