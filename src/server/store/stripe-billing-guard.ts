import type { PersonFacts } from './types'

/**
 * THE guard of spec v3 "The revenue ledger": an account Stripe knows (mrr_source 'stripe')
 * takes its MRR from Stripe, and a token's traits no longer change it; its other facts (plan,
 * name, company) still follow the token. Token billing writes pass their facts through this
 * before comparing or storing, so a Stripe account's stored MRR is what they write back.
 */
export function keepStripeMrr(
  row: { mrr_source: string; mrr_cents: number },
  facts: PersonFacts,
): PersonFacts {
  return row.mrr_source === 'stripe' ? { ...facts, mrrCents: row.mrr_cents } : facts
}
