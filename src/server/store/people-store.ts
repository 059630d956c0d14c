import { recordTokenMrrChange } from './account-mrr-history'
import { accountOf, moveVotesToAccount, personAccount, repriceAccount } from './account-revenue'
import { type CompanyRef, ensureCompany, lockCompany } from './company-billing'
import type { Db, SqlExecutor } from './db'
import { settleNewAccountMrr } from './stripe-accounts'
import { keepStripeMrr } from './stripe-billing-guard'
import { holdsTokenBilling, type TokenBillingColumns, tokenBillingValues } from './token-billing'
import type { PersonFacts } from './types'

export interface PersonRef {
  id: number
  /** The person's own latest monthly revenue (what their votes show as voter_mrr_cents). */
  mrrCents: number
  /** The account their votes count for: 'c:<company>' or 'p:<person>' (account-revenue.ts). */
  account: string
  /** That account's MRR: the company's when they have one, else their own. */
  accountMrrCents: number
}

interface PersonRow extends TokenBillingColumns {
  id: number
  email: string | null
  name: string | null
  company_id: number | null
  mrr_source: string
}

/**
 * Finds or creates the person (project, sub) and brings their email, traits and company up to
 * date from a newer token, inside the caller's transaction. The person row (and their company's)
 * stays locked until that transaction ends, so a vote and a revenue or company change of the
 * same person never interleave, and a changed MRR or account is pushed into every request they
 * voted for right here. Locks are taken person, then company, then requests in id order.
 */
export async function ensurePerson(
  tx: SqlExecutor,
  projectId: string,
  facts: PersonFacts,
  now: number,
): Promise<PersonRef> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [existing] = await tx.query<PersonRow>(
      `SELECT id, email, name, plan, billing_interval, amount_cents, mrr_cents, token_iat, company_id,
              mrr_source
         FROM people WHERE project_id = $1 AND sub = $2 FOR UPDATE`,
      [projectId, facts.sub],
    )
    if (existing) {
      const company = await companyOfToken(tx, projectId, facts, now)
      return updateIfNewer(tx, projectId, existing, facts, company, now)
    }
    const company = await companyOfToken(tx, projectId, facts, now)
    const [inserted] = await tx.query<{ id: number; mrr_cents: number }>(
      `INSERT INTO people (project_id, sub, email, plan, billing_interval, amount_cents, mrr_cents,
                           token_iat, company_id, name, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
       ON CONFLICT (project_id, sub) DO NOTHING
       RETURNING id, mrr_cents`,
      [
        projectId,
        facts.sub,
        ...factColumns(facts),
        company?.id ?? null,
        facts.name ?? null,
        new Date(now),
      ],
    )
    // Nothing returned: another transaction created the person meanwhile; read it again.
    if (inserted) {
      const mrrCents = await settleNewAccountMrr(tx, {
        projectId,
        table: 'people',
        id: inserted.id,
        ref: { sub: facts.sub },
        tokenMrrCents: inserted.mrr_cents,
        now,
      })
      return refOf(inserted.id, mrrCents, company)
    }
  }
  throw new Error('could not create person')
}

/**
 * ensurePerson for a vote, in one statement when there is nothing to write: the token's facts
 * were written when it was first verified (resolveCaller), so the row usually holds them or a
 * newer token's. Then the person is locked as ensurePerson locks them (FOR UPDATE) and their
 * company shared (FOR SHARE: a revenue change of the company waits for the vote, colleagues'
 * votes do not wait for each other). A missing or older row goes through ensurePerson.
 */
export async function personForVote(
  tx: SqlExecutor,
  projectId: string,
  facts: PersonFacts,
  now: number,
): Promise<PersonRef> {
  const [row] = await tx.query<{
    id: number
    mrr_cents: number
    company_id: number | null
    company_mrr_cents: number | null
  }>(
    `WITH person AS (
       SELECT p.id, p.mrr_cents, p.company_id,
              p.token_iat > $3 OR (p.token_iat = $3
                AND p.email IS NOT DISTINCT FROM $4 AND p.plan IS NOT DISTINCT FROM $5
                AND p.billing_interval IS NOT DISTINCT FROM $6
                AND p.amount_cents IS NOT DISTINCT FROM $7
                AND (p.mrr_cents = $8 OR p.mrr_source = 'stripe')
                AND p.name IS NOT DISTINCT FROM $9
                AND (SELECT c.external_id FROM companies c WHERE c.id = p.company_id)
                    IS NOT DISTINCT FROM $10) AS current
         FROM people p WHERE p.project_id = $1 AND p.sub = $2
          FOR UPDATE OF p
     )
     SELECT person.id, person.mrr_cents, person.company_id, company.mrr_cents AS company_mrr_cents
       FROM person LEFT JOIN LATERAL (
         SELECT c.mrr_cents FROM companies c
          WHERE c.id = person.company_id AND person.current FOR SHARE
       ) company ON true
      WHERE person.current`,
    [
      projectId,
      facts.sub,
      facts.iat,
      facts.email,
      facts.plan,
      facts.interval,
      facts.amountCents,
      facts.mrrCents,
      facts.name ?? null,
      facts.company?.id ?? null,
    ],
  )
  if (!row) return ensurePerson(tx, projectId, facts, now)
  const company =
    row.company_id === null ? null : { id: row.company_id, mrrCents: Number(row.company_mrr_cents) }
  return refOf(row.id, row.mrr_cents, company)
}

function companyOfToken(
  tx: SqlExecutor,
  projectId: string,
  facts: PersonFacts,
  now: number,
): Promise<CompanyRef | null> {
  const claim = facts.company
  return claim
    ? ensureCompany(tx, projectId, { ...facts, company: claim }, now)
    : Promise.resolve(null)
}

function refOf(id: number, mrrCents: number, company: CompanyRef | null): PersonRef {
  return {
    id,
    mrrCents,
    account: accountOf({ id, companyId: company?.id ?? null }),
    accountMrrCents: company ? company.mrrCents : mrrCents,
  }
}

/** email, then the token's billing (token-billing.ts): in that order. */
function factColumns(facts: PersonFacts) {
  return [facts.email, ...tokenBillingValues(facts)]
}

async function updateIfNewer(
  tx: SqlExecutor,
  projectId: string,
  row: PersonRow,
  tokenFacts: PersonFacts,
  tokenCompany: CompanyRef | null,
  now: number,
): Promise<PersonRef> {
  const facts = keepStripeMrr(row, tokenFacts)
  if (facts.iat < row.token_iat) {
    // An older token changes nothing about the person: they stay in their latest company.
    const current =
      row.company_id === null
        ? null
        : row.company_id === tokenCompany?.id
          ? tokenCompany
          : await lockCompany(tx, row.company_id)
    return refOf(row.id, row.mrr_cents, current)
  }
  const companyId = tokenCompany?.id ?? null
  const unchanged =
    row.email === facts.email &&
    holdsTokenBilling(row, facts) &&
    row.name === (facts.name ?? null) &&
    row.company_id === companyId
  const ref = refOf(row.id, facts.mrrCents, tokenCompany)
  if (unchanged && facts.iat === row.token_iat) return ref
  await tx.query(
    `UPDATE people SET email = $2, plan = $3, billing_interval = $4, amount_cents = $5,
            mrr_cents = $6, token_iat = $7, company_id = $8, updated_at = $9, name = $10
      WHERE id = $1`,
    [row.id, ...factColumns(facts), companyId, new Date(now), facts.name ?? null],
  )
  if (facts.mrrCents !== row.mrr_cents) {
    await tx.query('UPDATE votes SET voter_mrr_cents = $2 WHERE person_id = $1', [
      row.id,
      facts.mrrCents,
    ])
  }
  const before = accountOf({ id: row.id, companyId: row.company_id })
  if (before !== ref.account) {
    await moveVotesToAccount(tx, row.id, before, ref.account, ref.accountMrrCents)
  } else if (companyId === null && facts.mrrCents !== row.mrr_cents) {
    await repriceAccount(tx, personAccount(row.id), facts.mrrCents)
  }
  const changed = {
    table: 'people' as const,
    id: row.id,
    projectId,
    account: personAccount(row.id),
  }
  await recordTokenMrrChange(tx, changed, row.mrr_cents, facts.mrrCents, now)
  return ref
}

export class PeopleStore {
  constructor(private readonly db: Db) {}

  /** Records the facts of a freshly verified token (its own transaction). */
  async remember(projectId: string, facts: PersonFacts, now: number): Promise<PersonRef> {
    return this.db.transaction((tx) => ensurePerson(tx, projectId, facts, now))
  }

  /** The person as their latest token described them, with their company (the account). */
  async find(projectId: string, sub: string) {
    const [row] = await this.db.query<
      PersonRow & { sub: string; company_external_id: string | null; company_name: string | null }
    >(
      `SELECT p.*, c.external_id AS company_external_id, c.name AS company_name
         FROM people p LEFT JOIN companies c ON c.id = p.company_id
        WHERE p.project_id = $1 AND p.sub = $2`,
      [projectId, sub],
    )
    return row
      ? {
          id: row.id,
          sub: row.sub,
          email: row.email,
          plan: row.plan,
          interval: row.billing_interval,
          amountCents: row.amount_cents,
          mrrCents: row.mrr_cents,
          company:
            row.company_external_id === null
              ? null
              : { id: row.company_external_id, name: row.company_name },
        }
      : null
  }
}
