/**
 * Revenue at risk (spec v3 "Revenue at risk"): the MRR of the at-risk accounts among a
 * request's voters. Worked out when read rather than kept in a counter: request_accounts
 * already holds each account's current MRR per request (repriceAccount keeps it), and the
 * at-risk flag lives on the account (companies.at_risk, people.at_risk, kept by the Stripe
 * webhook). Joining the two at read time means no path that changes an account's MRR or its
 * flag can leave a stale sum behind.
 *
 * At-risk accounts are few, so a query gathers their keys once (AT_RISK_ACCOUNTS, a
 * materialised WITH query) and then probes request_accounts by account (its
 * request_accounts_by_account index) or by request (its primary key). Every fragment below
 * reads that WITH query: a statement using one starts with `WITH ${atRiskAccounts('$1')}`.
 */

/**
 * The WITH query `at_risk_accounts (account)`: the keys ('c:<companies.id>', 'p:<people.id>',
 * as request_accounts names them) of the project's at-risk accounts. `project` is the SQL of
 * the project id's parameter. Not run by a statement that does not read it.
 */
export function atRiskAccounts(project: string): string {
  return `at_risk_accounts AS MATERIALIZED (
            SELECT 'c:' || id AS account FROM companies WHERE project_id = ${project} AND at_risk
            UNION ALL
            SELECT 'p:' || id FROM people WHERE project_id = ${project} AND at_risk)`
}

/**
 * The requests table with `at_risk_mrr_cents` beside each row, for the at_risk sort: the sum
 * is worked out once per request that has at-risk voters, not probed row by row.
 */
export const REQUESTS_WITH_AT_RISK = `(SELECT q.*, coalesce(ars.cents, 0) AS at_risk_mrr_cents
             FROM requests q
             LEFT JOIN (SELECT ra.request_id, sum(ra.mrr_cents) AS cents
                          FROM at_risk_accounts a
                          JOIN request_accounts ra ON ra.account = a.account
                         GROUP BY ra.request_id) ars ON ars.request_id = q.id)`

/**
 * The WITH query `page_at_risk (request_id, cents)`: the revenue at risk of each request in the
 * WITH query `page` (a page of the backlog, its requests' `id`s), in one hash join against the
 * at-risk accounts; a request without any is absent.
 */
export const PAGE_AT_RISK = `page_at_risk AS (
         SELECT ra.request_id, sum(ra.mrr_cents) AS cents
           FROM request_accounts ra
           JOIN at_risk_accounts a ON a.account = ra.account
          -- An array, not a join: the page's rows are read by request_accounts' primary key.
          WHERE ra.request_id = ANY (ARRAY(SELECT id FROM page))
          GROUP BY ra.request_id)`

/** The backlog's `?atRisk=true`: at least one at-risk account among the request's voters. */
export const AT_RISK_CONDITION = `r.id IN (SELECT ra.request_id
                   FROM at_risk_accounts a JOIN request_accounts ra ON ra.account = a.account)`
