import { recordTokenMrrChange } from './account-mrr-history'
import { companyAccount, repriceAccount } from './account-revenue'
import type { SqlExecutor } from './db'
import { settleNewAccountMrr } from './stripe-accounts'
import { keepStripeMrr } from './stripe-billing-guard'
import { holdsTokenBilling, type TokenBillingColumns, tokenBillingValues } from './token-billing'
import type { PersonFacts } from './types'

export interface CompanyRef {
  id: number
  mrrCents: number
}

interface CompanyRow extends TokenBillingColumns {
  id: number
  name: string | null
  mrr_source: string
}

/**
 * Finds or creates the token's company and locks it until the transaction ends. A company's
 * billing (and name, when the token gives one) follows the latest token by iat that any of its
 * people sent; a changed MRR moves every request the company counts for, right here.
 */
export async function ensureCompany(
  tx: SqlExecutor,
  projectId: string,
  facts: PersonFacts & { company: NonNullable<PersonFacts['company']> },
  now: number,
): Promise<CompanyRef> {
  const billing = tokenBillingValues(facts)
  for (let attempt = 0; attempt < 3; attempt++) {
    const [existing] = await tx.query<CompanyRow>(
      `SELECT id, name, plan, billing_interval, amount_cents, mrr_cents, token_iat, mrr_source
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
      [projectId, facts.company.id, facts.company.name, ...billing, new Date(now)],
    )
    // Nothing returned: another transaction created the company meanwhile; read it again.
    if (inserted) {
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

async function updateIfNewer(
  tx: SqlExecutor,
  projectId: string,
  row: CompanyRow,
  tokenFacts: PersonFacts & { company: NonNullable<PersonFacts['company']> },
  now: number,
): Promise<CompanyRef> {
  const current = { id: row.id, mrrCents: row.mrr_cents }
  if (tokenFacts.iat < row.token_iat) return current
  const facts = { ...keepStripeMrr(row, tokenFacts), company: tokenFacts.company }
  const name = facts.company.name ?? row.name
  if (row.name === name && holdsTokenBilling(row, facts)) return current
  await tx.query(
    `UPDATE companies SET name = $2, plan = $3, billing_interval = $4, amount_cents = $5,
            mrr_cents = $6, token_iat = $7, updated_at = $8
      WHERE id = $1`,
    [
      row.id,
      name,
      facts.plan,
      facts.interval,
      facts.amountCents,
      facts.mrrCents,
      facts.iat,
      new Date(now),
    ],
  )
  if (facts.mrrCents !== row.mrr_cents) {
    const account = companyAccount(row.id)
    await repriceAccount(tx, account, facts.mrrCents)
    const changed = { table: 'companies' as const, id: row.id, projectId, account }
    await recordTokenMrrChange(tx, changed, row.mrr_cents, facts.mrrCents, now)
  }
  return { id: row.id, mrrCents: facts.mrrCents }
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
