import type { PersonFacts } from './types'

/**
 * The billing a token carries, as people and companies both keep it: the plan, interval, amount
 * and MRR of the latest token by iat.
 */
export interface TokenBillingColumns {
  plan: string | null
  billing_interval: string | null
  amount_cents: number | null
  mrr_cents: number
  token_iat: number
}

/** The token's values for plan, billing_interval, amount_cents, mrr_cents, token_iat: in that order. */
export function tokenBillingValues(facts: PersonFacts) {
  return [facts.plan, facts.interval, facts.amountCents, facts.mrrCents, facts.iat]
}

/** True when the row already holds the token's billing (whichever token it came from). */
export function holdsTokenBilling(row: TokenBillingColumns, facts: PersonFacts): boolean {
  return (
    row.plan === facts.plan &&
    row.billing_interval === facts.interval &&
    row.amount_cents === facts.amountCents &&
    row.mrr_cents === facts.mrrCents
  )
}
