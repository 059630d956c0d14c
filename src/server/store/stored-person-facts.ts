import type { BillingInterval } from '../../shared/identity'
import type { SqlExecutor } from './db'

/** The billing a token last gave a person or a company (token-billing.ts). */
export interface StoredBilling {
  plan: string | null
  interval: BillingInterval | null
  amountCents: number | null
  mrrCents: number
}

/** A person as their latest facts left them: what an on-behalf call does not restate stays. */
export interface StoredPerson extends StoredBilling {
  email: string | null
  name: string | null
  company: { id: string; name: string | null } | null
  /** iat of the facts stored: newer facts win (newest-token.ts). */
  tokenIat: number
}

interface BillingRow {
  plan: string | null
  billing_interval: BillingInterval | null
  amount_cents: number | string | null
  mrr_cents: number | string
}

function toBilling(row: BillingRow): StoredBilling {
  return {
    plan: row.plan,
    interval: row.billing_interval,
    amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
    mrrCents: Number(row.mrr_cents),
  }
}

/** The person (project, sub) as stored, or null when nobody by that sub was ever seen. */
export async function findStoredPerson(
  db: SqlExecutor,
  projectId: string,
  sub: string,
): Promise<StoredPerson | null> {
  const [row] = await db.query<
    BillingRow & {
      email: string | null
      name: string | null
      token_iat: number | string
      company_external_id: string | null
      company_name: string | null
    }
  >(
    `SELECT p.email, p.name, p.plan, p.billing_interval, p.amount_cents, p.mrr_cents, p.token_iat,
            c.external_id AS company_external_id, c.name AS company_name
       FROM people p LEFT JOIN companies c ON c.id = p.company_id
      WHERE p.project_id = $1 AND p.sub = $2`,
    [projectId, sub],
  )
  if (!row) return null
  return {
    ...toBilling(row),
    email: row.email,
    name: row.name,
    company:
      row.company_external_id === null
        ? null
        : { id: row.company_external_id, name: row.company_name },
    tokenIat: Number(row.token_iat),
  }
}

/** A company as the newest token naming it left it: its name and billing. */
export interface StoredCompany extends StoredBilling {
  name: string | null
}

/** The company as stored; null when it is not known yet. */
export async function findStoredCompany(
  db: SqlExecutor,
  projectId: string,
  externalId: string,
): Promise<StoredCompany | null> {
  const [row] = await db.query<BillingRow & { name: string | null }>(
    `SELECT name, plan, billing_interval, amount_cents, mrr_cents
       FROM companies WHERE project_id = $1 AND external_id = $2`,
    [projectId, externalId],
  )
  return row ? { ...toBilling(row), name: row.name } : null
}
