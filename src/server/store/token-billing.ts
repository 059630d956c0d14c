import type { BillingInterval } from '../../shared/identity'
import { keepStripeMrr } from './stripe-billing-guard'
import type { PersonFacts } from './types'

/**
 * The billing a token carries, as people and companies both keep it: the plan, interval, amount
 * and MRR of the newest token by iat (newest-token.ts).
 */
export interface TokenBillingColumns {
  plan: string | null
  billing_interval: string | null
  amount_cents: number | null
  mrr_cents: number
  token_iat: number
  /** 'stripe' once Stripe names the account (spec v3 "The revenue ledger"), else 'token'. */
  mrr_source: string
}

/** The columns of TokenBillingColumns, for the SELECTs that read a row before a token writes it. */
export const TOKEN_BILLING_COLUMNS =
  'plan, billing_interval, amount_cents, mrr_cents, token_iat, mrr_source'

/** Billing as an account (a company, or a person without one) ends up holding it. */
export interface AccountBilling {
  plan: string | null
  interval: BillingInterval | null
  amountCents: number | null
  mrrCents: number
}

/**
 * THE place where a token's traits become a company's or a person's stored billing: every
 * write of a newer token's billing (company-billing.ts, people-store.ts) stores what this
 * answers, and moves the requests the account counts for by the MRR it answers: the token's
 * billing, except that an account Stripe knows keeps its MRR (stripe-billing-guard.ts).
 */
export function billingAfterToken(row: TokenBillingColumns, facts: PersonFacts): AccountBilling {
  const kept = keepStripeMrr(row, facts)
  return {
    plan: kept.plan,
    interval: kept.interval,
    amountCents: kept.amountCents,
    mrrCents: kept.mrrCents,
  }
}

/** The billing's values for plan, billing_interval, amount_cents, mrr_cents: in that order. */
export function billingValues(billing: AccountBilling) {
  return [billing.plan, billing.interval, billing.amountCents, billing.mrrCents]
}

/** The token's values for plan, billing_interval, amount_cents, mrr_cents, token_iat: in that order. */
export function tokenBillingValues(facts: PersonFacts) {
  return [...billingValues(facts), facts.iat]
}
