/**
 * Revenue at risk (spec v3 "Revenue at risk"): the MRR of the at-risk accounts among a
 * request's voters. Worked out when read rather than kept in a counter: request_accounts
 * already holds each account's current MRR per request (repriceAccount keeps it), and the
 * at-risk flag lives on the account (companies.at_risk, people.at_risk, kept by the Stripe
 * webhook). Joining the two at read time means no path that changes an account's MRR or its
 * flag can leave a stale sum behind.
 *
 * At-risk accounts are few, so their keys are gathered first (one pass over the project's
 * companies and people) and request_accounts is then probed by account (its
 * request_accounts_by_account index) or by request (its primary key).
 */

/**
 * The account keys ('c:<companies.id>', 'p:<people.id>', as request_accounts names them) of
 * the project's at-risk accounts. `project` is the SQL of the project id's parameter.
 */
export function atRiskAccountKeys(project: string): string {
  return `SELECT 'c:' || id AS account FROM companies WHERE project_id = ${project} AND at_risk
          UNION ALL
          SELECT 'p:' || id FROM people WHERE project_id = ${project} AND at_risk`
}

/**
 * The requests table with `at_risk_mrr_cents` beside each row, for the at_risk sort: the sum
 * is worked out once per request that has at-risk voters, not probed row by row.
 */
export function requestsWithAtRisk(project: string): string {
  return `(SELECT q.*, coalesce(ars.cents, 0) AS at_risk_mrr_cents
             FROM requests q
             LEFT JOIN (SELECT ra.request_id, sum(ra.mrr_cents) AS cents
                          FROM request_accounts ra
                         WHERE ra.account IN (${atRiskAccountKeys(project)})
                         GROUP BY ra.request_id) ars ON ars.request_id = q.id
            WHERE q.project_id = ${project})`
}

/**
 * A LEFT JOIN LATERAL giving `at_risk.cents` (0 when none) for the request aliased `r`: for a
 * page's rows, each probed by its primary key.
 */
export function atRiskCentsLateral(project: string): string {
  return `LEFT JOIN LATERAL (
            SELECT coalesce(sum(ra.mrr_cents), 0) AS cents
              FROM request_accounts ra
             WHERE ra.request_id = r.id AND ra.account IN (${atRiskAccountKeys(project)})
          ) at_risk ON true`
}

/** The backlog's `?atRisk=true`: at least one at-risk account among the request's voters. */
export function atRiskCondition(project: string): string {
  return `EXISTS (SELECT 1 FROM request_accounts fra
                   WHERE fra.request_id = r.id AND fra.account IN (${atRiskAccountKeys(project)}))`
}
