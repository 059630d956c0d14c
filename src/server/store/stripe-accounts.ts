import { recordMrrChange, recordTokenMrrChange } from './account-mrr-history'
import { companyAccount, flagAccountAtRisk, personAccount, repriceAccount } from './account-revenue'
import type { SqlExecutor } from './db'

/**
 * How Stripe's subscriptions become an account's MRR. An account Stripe knows (some subscription
 * names it) has mrr_source 'stripe': its MRR is the sum of its subscriptions', it is at risk when
 * one of them is, and its MRR is as of the newest Stripe event applied to them. Subscriptions name
 * accounts by the ids the customer's server sends (a company id, a person's sub), so they may
 * come before Reqio has seen the account: it takes its Stripe MRR when it first appears.
 *
 * mrr_as_of is Stripe's `created` of the newest event applied (when Stripe says it was so); the
 * history's `at` is when Reqio moved the account, so it reads in order with token changes.
 */

/** The account a subscription names: a company by its id, or a person by their sub. */
export type StripeAccountRef = { company: string; sub?: never } | { sub: string; company?: never }

interface StripeBilling {
  mrrCents: number
  atRisk: boolean
  asOf: Date
}

async function stripeBillingOf(
  tx: SqlExecutor,
  projectId: string,
  ref: StripeAccountRef,
): Promise<StripeBilling | null> {
  const column = ref.company !== undefined ? 'reqio_company' : 'reqio_sub'
  const [row] = await tx.query<{
    subscriptions: number | string
    mrr_cents: number | string | null
    at_risk: boolean | null
    last_event_created: number | string | null
  }>(
    `SELECT count(*) AS subscriptions, sum(mrr_cents) AS mrr_cents, bool_or(at_risk) AS at_risk,
            max(last_event_created) AS last_event_created
       FROM stripe_subscriptions WHERE project_id = $1 AND ${column} = $2`,
    [projectId, ref.company ?? ref.sub],
  )
  if (!row || Number(row.subscriptions) === 0) return null
  return {
    mrrCents: Number(row.mrr_cents),
    atRisk: row.at_risk === true,
    asOf: new Date(Number(row.last_event_created) * 1000),
  }
}

interface AccountRow {
  id: number
  mrr_cents: number | string
  mrr_source: string
  at_risk: boolean
  company_id?: number | null
}

/**
 * The account's subscriptions changed (one was created, updated, deleted, or moved to or from
 * it): its MRR, risk and "as of" follow them, and a changed MRR or risk moves every request it
 * counts for, in the caller's transaction. An account Reqio has not seen yet changes nothing now.
 */
export async function applyStripeBilling(
  tx: SqlExecutor,
  projectId: string,
  ref: StripeAccountRef,
  eventCreated: number,
  now: number,
): Promise<void> {
  const isCompany = ref.company !== undefined
  const [row] = await tx.query<AccountRow>(
    isCompany
      ? `SELECT id, mrr_cents, mrr_source, at_risk FROM companies
          WHERE project_id = $1 AND external_id = $2 FOR UPDATE`
      : `SELECT id, mrr_cents, mrr_source, at_risk, company_id FROM people
          WHERE project_id = $1 AND sub = $2 FOR UPDATE`,
    [projectId, ref.company ?? ref.sub],
  )
  if (!row) return
  // Every subscription moved away from a Stripe account: it stays Stripe's, at 0.
  const billing = (await stripeBillingOf(tx, projectId, ref)) ?? {
    mrrCents: 0,
    atRisk: false,
    asOf: new Date(eventCreated * 1000),
  }
  await tx.query(
    `UPDATE ${isCompany ? 'companies' : 'people'}
        SET mrr_source = 'stripe', mrr_cents = $2, at_risk = $3, mrr_as_of = $4 WHERE id = $1`,
    [row.id, billing.mrrCents, billing.atRisk, billing.asOf],
  )
  const account = isCompany ? companyAccount(row.id) : personAccount(row.id)
  // A person in a company counts for the company: their own flag and MRR move no request.
  const countsForRequests = isCompany || row.company_id === null
  // Only a flip moves anything: the requests' rows carry the flag the account's row had.
  if (countsForRequests && row.at_risk !== billing.atRisk)
    await flagAccountAtRisk(tx, account, billing.atRisk)
  const fromCents = Number(row.mrr_cents)
  if (fromCents === billing.mrrCents) return
  if (!isCompany) {
    await tx.query('UPDATE votes SET voter_mrr_cents = $2 WHERE person_id = $1', [
      row.id,
      billing.mrrCents,
    ])
  }
  if (countsForRequests) await repriceAccount(tx, account, billing.mrrCents)
  await recordMrrChange(tx, {
    projectId,
    account,
    fromCents,
    toCents: billing.mrrCents,
    source: 'stripe',
    at: new Date(now),
  })
}

/**
 * A company or person was just inserted with its token's MRR. When remembered subscriptions
 * name it, it takes Stripe's MRR instead (it has no votes yet, so no request moves); either way
 * its first MRR opens its history. Answers the MRR the account now has.
 */
export async function settleNewAccountMrr(
  tx: SqlExecutor,
  input: {
    projectId: string
    table: 'companies' | 'people'
    id: number
    ref: StripeAccountRef
    tokenMrrCents: number
    now: number
  },
): Promise<number> {
  const account = input.table === 'companies' ? companyAccount(input.id) : personAccount(input.id)
  const row = { table: input.table, id: input.id, projectId: input.projectId, account }
  const billing = await stripeBillingOf(tx, input.projectId, input.ref)
  if (!billing) {
    await recordTokenMrrChange(tx, row, 0, input.tokenMrrCents, input.now)
    return input.tokenMrrCents
  }
  await tx.query(
    `UPDATE ${input.table}
        SET mrr_source = 'stripe', mrr_cents = $2, at_risk = $3, mrr_as_of = $4 WHERE id = $1`,
    [input.id, billing.mrrCents, billing.atRisk, billing.asOf],
  )
  await recordMrrChange(tx, {
    projectId: input.projectId,
    account,
    fromCents: 0,
    toCents: billing.mrrCents,
    source: 'stripe',
    at: new Date(input.now),
  })
  return billing.mrrCents
}
