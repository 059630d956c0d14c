import type { BillingInterval } from '../../shared/identity'
import { recordTokenMrrChange } from './account-mrr-history'
import { companyAccount, repriceAccount } from './account-revenue'
import type { SqlExecutor } from './db'
import { companyRank, companyWordOf, isNewerWord } from './newest-token'
import { settleNewAccountMrr } from './stripe-accounts'
import {
  billingAfterToken,
  billingValues,
  TOKEN_BILLING_COLUMNS,
  type TokenBillingColumns,
  tokenBillingValues,
} from './token-billing'
import type { PersonFacts } from './types'

export interface CompanyRef {
  id: number
  mrrCents: number
}

interface CompanyRow extends TokenBillingColumns {
  id: number
  name: string | null
}

type CompanyFacts = PersonFacts & { company: NonNullable<PersonFacts['company']> }

/**
 * Finds or creates the token's company and locks it until the transaction ends. A company's
 * name and billing are those of the newest token (newest-token.ts) that named it, whichever of
 * its people sent it, and even when that token is older than its sender's latest (it is still
 * the newest word on the company: otherwise arrival order would decide). A changed MRR moves
 * every request the company counts for, right here.
 */
export async function ensureCompany(
  tx: SqlExecutor,
  projectId: string,
  facts: CompanyFacts,
  now: number,
): Promise<CompanyRef> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [existing] = await tx.query<CompanyRow>(
      `SELECT id, name, ${TOKEN_BILLING_COLUMNS}
         FROM companies WHERE project_id = $1 AND external_id = $2 FOR UPDATE`,
      [projectId, facts.company.id],
    )
    if (existing) return updateIfNewer(tx, projectId, existing, facts, now)
    const [inserted] = await tx.query<{ id: number; mrr_cents: number }>(
      `INSERT INTO companies (project_id, external_id, name, plan, billing_interval, amount_cents,
                              mrr_cents, token_iat, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (project_id, external_id) DO NOTHING
       RETURNING id, mrr_cents`,
      [
        projectId,
        facts.company.id,
        facts.company.name,
        ...tokenBillingValues(facts),
        new Date(now),
      ],
    )
    // Nothing returned: another transaction created the company meanwhile; read it again.
    if (inserted) {
      // Stripe may have named the company before any token did: it takes Stripe's MRR now.
      const mrrCents = await settleNewAccountMrr(tx, {
        projectId,
        table: 'companies',
        id: inserted.id,
        ref: { company: facts.company.id },
        tokenMrrCents: inserted.mrr_cents,
        now,
      })
      return { id: inserted.id, mrrCents }
    }
  }
  throw new Error('could not create company')
}

/**
 * A newer token rewrites the company whole (a snapshot: a name it leaves out is cleared) and
 * always records its iat, even when nothing else changed: an iat left behind would let a token
 * older than this one overwrite what this one confirmed.
 */
async function updateIfNewer(
  tx: SqlExecutor,
  projectId: string,
  row: CompanyRow,
  facts: CompanyFacts,
  now: number,
): Promise<CompanyRef> {
  const stored = {
    iat: row.token_iat,
    rank: companyRank({
      mrrCents: row.mrr_cents,
      amountCents: row.amount_cents,
      plan: row.plan,
      interval: row.billing_interval as BillingInterval | null,
      name: row.name,
    }),
  }
  if (!isNewerWord(stored, companyWordOf(facts))) return { id: row.id, mrrCents: row.mrr_cents }
  const billing = billingAfterToken(row, facts)
  await tx.query(
    `UPDATE companies SET name = $2, plan = $3, billing_interval = $4, amount_cents = $5,
            mrr_cents = $6, token_iat = $7, updated_at = $8
      WHERE id = $1`,
    [row.id, facts.company.name, ...billingValues(billing), facts.iat, new Date(now)],
  )
  if (billing.mrrCents !== row.mrr_cents) {
    const account = companyAccount(row.id)
    await repriceAccount(tx, account, billing.mrrCents)
    const changed = { table: 'companies' as const, id: row.id, projectId, account }
    await recordTokenMrrChange(tx, changed, row.mrr_cents, billing.mrrCents, now)
  }
  return { id: row.id, mrrCents: billing.mrrCents }
}

/** The person's current company, locked, when the token that came is older than their latest. */
export async function lockCompany(tx: SqlExecutor, companyId: number): Promise<CompanyRef> {
  const [row] = await tx.query<{ id: number; mrr_cents: number }>(
    'SELECT id, mrr_cents FROM companies WHERE id = $1 FOR UPDATE',
    [companyId],
  )
  if (!row) throw new Error(`company ${companyId} is missing`)
  return { id: row.id, mrrCents: row.mrr_cents }
}
