/** Identity rules both sides of the wire agree on (identity-docs.txt, spec/api.md). */

export const TOKEN_LIFETIME_SECONDS = 300
export const DEFAULT_AUDIENCE_BASE = 'https://reqio.app'

export const ANONYMOUS_ID_HEADER = 'X-Reqio-Anonymous-Id'
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'

export type BillingInterval = 'month' | 'year'

/** Revenue traits a customer's server puts in the token. */
export interface RevenueTraits {
  plan: string
  /** Recurring charge as billed, in cents (the full annual total for yearly plans). */
  amount: number
  interval: BillingInterval
}

export function audienceFor(projectId: string, base: string = DEFAULT_AUDIENCE_BASE): string {
  return `${base.replace(/\/+$/, '')}/p/${projectId}`
}

/** Monthly recurring revenue in cents: yearly amounts count one twelfth per month. */
export function monthlyRevenueCents(traits: Pick<RevenueTraits, 'amount' | 'interval'>): number {
  return traits.interval === 'year' ? Math.round(traits.amount / 12) : traits.amount
}
