import type { AtRiskAccount } from '../../shared/api'
import type { SqlExecutor } from './db'

/** At most this many listed on a request's detail (its sum is on the backlog row). */
export const AT_RISK_ACCOUNTS_LISTED = 100

interface AtRiskAccountRow {
  kind: 'company' | 'person'
  id: string
  name: string | null
  mrr_cents: number | string
}

/**
 * The at-risk accounts among a request's voters, highest MRR first: a company by its id and
 * name, a person without one by their sub and name (or email). Each with the MRR it adds.
 */
export async function listRequestAtRiskAccounts(
  db: SqlExecutor,
  projectId: string,
  requestId: string,
): Promise<AtRiskAccount[]> {
  const rows = await db.query<AtRiskAccountRow>(
    `SELECT CASE WHEN c.id IS NOT NULL THEN 'company' ELSE 'person' END AS kind,
            coalesce(c.external_id, p.sub) AS id,
            CASE WHEN c.id IS NOT NULL THEN c.name ELSE coalesce(p.name, p.email) END AS name,
            ra.mrr_cents
       FROM request_accounts ra
       LEFT JOIN companies c ON ra.account LIKE 'c:%' AND c.id = substr(ra.account, 3)::bigint
       LEFT JOIN people p ON ra.account LIKE 'p:%' AND p.id = substr(ra.account, 3)::bigint
      WHERE ra.request_id = $2 AND ra.at_risk
        AND (c.project_id = $1 OR p.project_id = $1)
      ORDER BY ra.mrr_cents DESC, ra.account
      LIMIT ${AT_RISK_ACCOUNTS_LISTED}`,
    [projectId, requestId],
  )
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    name: row.name,
    mrrCents: Number(row.mrr_cents),
  }))
}
