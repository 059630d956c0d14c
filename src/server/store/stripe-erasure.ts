import { personAccount } from './account-revenue'
import type { SqlExecutor } from './db'

/**
 * Erasing a person (person-erasure.ts) takes what the revenue ledger keeps about them too: their
 * account's MRR history, and the Stripe subscriptions and customers whose metadata named their
 * sub (a later Stripe event naming them again starts afresh).
 */
export async function eraseStripeRevenueOf(
  tx: SqlExecutor,
  projectId: string,
  person: { id: number; sub: string },
): Promise<void> {
  await tx.query('DELETE FROM account_mrr_changes WHERE project_id = $1 AND account = $2', [
    projectId,
    personAccount(person.id),
  ])
  await tx.query('DELETE FROM stripe_subscriptions WHERE project_id = $1 AND reqio_sub = $2', [
    projectId,
    person.sub,
  ])
  await tx.query('DELETE FROM stripe_customers WHERE project_id = $1 AND reqio_sub = $2', [
    projectId,
    person.sub,
  ])
}
