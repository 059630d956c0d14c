/**
 * Every live request's maintained counters (votes, accounts, mrr_cents, at_risk_mrr_cents)
 * beside the same numbers worked out from scratch over votes, people and companies: equal when
 * the counters are exact. An account is a company, or a person without one; it is at risk when
 * its own row says so (the Stripe webhook's flag).
 */
import { expect } from 'vitest'
import type { SqlExecutor } from '../../src/server/store/db'

const RECOUNT = `
  SELECT r.id, r.votes, r.accounts, r.mrr_cents, r.at_risk_mrr_cents,
         (SELECT count(*) FROM votes v WHERE v.request_id = r.id) AS true_votes,
         coalesce(a.n, 0) AS true_accounts, coalesce(a.m, 0) AS true_mrr_cents,
         coalesce(a.risk, 0) AS true_at_risk_mrr_cents
    FROM requests r
    LEFT JOIN (
      SELECT request_id, count(*) AS n, sum(mrr) AS m,
             sum(CASE WHEN at_risk THEN mrr ELSE 0 END) AS risk
        FROM (SELECT DISTINCT v.request_id,
                     CASE WHEN p.company_id IS NULL THEN 'p' || p.id ELSE 'c' || p.company_id END,
                     coalesce(c.mrr_cents, p.mrr_cents) AS mrr,
                     coalesce(c.at_risk, p.at_risk) AS at_risk
                FROM votes v JOIN people p ON p.id = v.person_id
                LEFT JOIN companies c ON c.id = p.company_id) per_account
       GROUP BY request_id
    ) a ON a.request_id = r.id
   WHERE r.project_id = $1 AND r.merged_into IS NULL
   ORDER BY r.id`

interface RecountRow {
  id: string
  votes: number | string
  accounts: number | string
  mrr_cents: number | string
  at_risk_mrr_cents: number | string
  true_votes: number | string
  true_accounts: number | string
  true_mrr_cents: number | string
  true_at_risk_mrr_cents: number | string
}

/** Fails the test when any request's counters differ from a recount of its votes. */
export async function expectCountersEqualRecount(db: SqlExecutor, projectId: string) {
  const rows = await db.query<RecountRow>(RECOUNT, [projectId])
  const kept = rows.map((row) => ({
    id: row.id,
    votes: Number(row.votes),
    accounts: Number(row.accounts),
    mrrCents: Number(row.mrr_cents),
    atRiskMrrCents: Number(row.at_risk_mrr_cents),
  }))
  const recounted = rows.map((row) => ({
    id: row.id,
    votes: Number(row.true_votes),
    accounts: Number(row.true_accounts),
    mrrCents: Number(row.true_mrr_cents),
    atRiskMrrCents: Number(row.true_at_risk_mrr_cents),
  }))
  expect(kept).toEqual(recounted)
  // No account row outlives its voters or stays on a request merged away.
  const [strays] = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM request_accounts ra JOIN requests r ON r.id = ra.request_id
      WHERE r.project_id = $1 AND (r.merged_into IS NOT NULL OR ra.voters <= 0)`,
    [projectId],
  )
  expect(Number(strays?.n)).toBe(0)
}
