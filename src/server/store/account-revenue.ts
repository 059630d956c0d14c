import type { SqlExecutor } from './db'

/**
 * Revenue counted once per account. An account is a company ('c:<companies.id>') or a person
 * without one ('p:<people.id>'). request_accounts holds one row per (request, account): how
 * many of the account's people voted for the request, the account's MRR, and whether the account
 * is at risk (v3: its Stripe subscription is past due or cancelling). A request's mrr_cents is
 * the sum of its rows' MRR, its at_risk_mrr_cents the sum of its at-risk rows' MRR, and its
 * accounts counter the number of rows; they move only when a row appears or disappears, when an
 * account's MRR changes, or when its flag flips (flagAccountAtRisk).
 *
 * Every function here expects the caller to hold the rows of `requests` it touches (see
 * lockRequests), so two transactions never adjust the same request's rows at once.
 */

export function companyAccount(companyId: number): string {
  return `c:${companyId}`
}
export function personAccount(personId: number): string {
  return `p:${personId}`
}
export function accountOf(person: { id: number; companyId: number | null }): string {
  return person.companyId === null ? personAccount(person.id) : companyAccount(person.companyId)
}

/**
 * SQL: whether the account named by the parameter `account` ('c:…' or 'p:…') is at risk, read
 * from its row. Callers hold that row (the vote paths lock the person and share the company; the
 * Stripe webhook updates it), so the flag cannot flip between this read and the counters.
 */
export function accountAtRiskSql(account: string): string {
  return `coalesce((SELECT at_risk FROM companies
                     WHERE ${account} LIKE 'c:%' AND id = substr(${account}, 3)::bigint),
                   (SELECT at_risk FROM people
                     WHERE ${account} LIKE 'p:%' AND id = substr(${account}, 3)::bigint),
                   false)`
}

/**
 * Locks the requests in id order: every transaction that adjusts several requests' counters
 * takes them in the same order, so two of them never wait on each other in a circle.
 */
export async function lockRequests(tx: SqlExecutor, requestIds: readonly string[]): Promise<void> {
  if (requestIds.length === 0) return
  await tx.query('SELECT id FROM requests WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [
    requestIds,
  ])
}

/**
 * One more voter of `account` on each request: where the account is new to a request, its MRR
 * is added once. `requestIds` must be distinct.
 */
export async function joinAccount(
  tx: SqlExecutor,
  requestIds: readonly string[],
  account: string,
  mrrCents: number,
): Promise<void> {
  if (requestIds.length === 0) return
  await tx.query(
    `WITH joined AS (
       INSERT INTO request_accounts (request_id, account, voters, mrr_cents, at_risk)
       SELECT id, $2, 1, $3, ${accountAtRiskSql('$2')} FROM unnest($1::text[]) AS id
       ON CONFLICT (request_id, account) DO UPDATE SET voters = request_accounts.voters + 1
       RETURNING request_id, at_risk, voters = 1 AS created
     )
     UPDATE requests r SET accounts = r.accounts + 1, mrr_cents = r.mrr_cents + $3,
                           at_risk_mrr_cents = r.at_risk_mrr_cents + CASE WHEN j.at_risk THEN $3 ELSE 0 END
       FROM joined j WHERE r.id = j.request_id AND j.created`,
    [requestIds, account, mrrCents],
  )
}

/** One voter fewer of `account` on each request: the last one out takes the account's MRR along. */
export async function leaveAccount(
  tx: SqlExecutor,
  requestIds: readonly string[],
  account: string,
): Promise<void> {
  if (requestIds.length === 0) return
  // The two changes are on disjoint rows (voters = 1 or > 1), so one statement does both.
  await tx.query(
    `WITH gone AS (
       DELETE FROM request_accounts
        WHERE account = $2 AND request_id = ANY($1::text[]) AND voters = 1
       RETURNING request_id, mrr_cents, at_risk
     ), fewer AS (
       UPDATE request_accounts SET voters = voters - 1
        WHERE account = $2 AND request_id = ANY($1::text[]) AND voters > 1
     )
     UPDATE requests r SET accounts = r.accounts - 1, mrr_cents = r.mrr_cents - g.mrr_cents,
                           at_risk_mrr_cents = r.at_risk_mrr_cents - ${atRiskShare('g')}
       FROM gone g WHERE r.id = g.request_id`,
    [requestIds, account],
  )
}

/** The account's MRR changed: every request it counts for moves by the difference. */
export async function repriceAccount(
  tx: SqlExecutor,
  account: string,
  mrrCents: number,
): Promise<void> {
  const rows = await tx.query<{ request_id: string }>(
    'SELECT request_id FROM request_accounts WHERE account = $1',
    [account],
  )
  await lockRequests(
    tx,
    rows.map((row) => row.request_id),
  )
  await tx.query(
    `UPDATE requests r SET mrr_cents = r.mrr_cents + ($2 - ra.mrr_cents),
                           at_risk_mrr_cents = r.at_risk_mrr_cents
                             + CASE WHEN ra.at_risk THEN $2 - ra.mrr_cents ELSE 0 END
       FROM request_accounts ra WHERE ra.account = $1 AND ra.request_id = r.id`,
    [account, mrrCents],
  )
  await tx.query('UPDATE request_accounts SET mrr_cents = $2 WHERE account = $1', [
    account,
    mrrCents,
  ])
}

/**
 * The account's at-risk flag is now `atRisk` (the Stripe webhook set it on its row): every
 * request it counts for gains or loses its MRR at risk. Does nothing where the flag is already so.
 */
export async function flagAccountAtRisk(
  tx: SqlExecutor,
  account: string,
  atRisk: boolean,
): Promise<void> {
  const rows = await tx.query<{ request_id: string }>(
    'SELECT request_id FROM request_accounts WHERE account = $1 AND at_risk <> $2',
    [account, atRisk],
  )
  if (rows.length === 0) return
  await lockRequests(
    tx,
    rows.map((row) => row.request_id),
  )
  await tx.query(
    `UPDATE requests r SET at_risk_mrr_cents = r.at_risk_mrr_cents
                             + CASE WHEN $2 THEN ra.mrr_cents ELSE -ra.mrr_cents END
       FROM request_accounts ra
      WHERE ra.account = $1 AND ra.at_risk <> $2 AND ra.request_id = r.id`,
    [account, atRisk],
  )
  await tx.query('UPDATE request_accounts SET at_risk = $2 WHERE account = $1 AND at_risk <> $2', [
    account,
    atRisk,
  ])
}

/** SQL: the MRR a request_accounts row (by its alias) adds to the revenue at risk. */
export function atRiskShare(alias: string): string {
  return `CASE WHEN ${alias}.at_risk THEN ${alias}.mrr_cents ELSE 0 END`
}

/**
 * The person now counts for another account: on each request they voted for, they leave the
 * old account's row and join the new one's, and their votes carry the new account.
 */
export async function moveVotesToAccount(
  tx: SqlExecutor,
  personId: number,
  from: string,
  to: string,
  toMrrCents: number,
): Promise<void> {
  const votes = await tx.query<{ request_id: string }>(
    'SELECT request_id FROM votes WHERE person_id = $1',
    [personId],
  )
  const requestIds = votes.map((vote) => vote.request_id)
  if (requestIds.length === 0) return
  await lockRequests(tx, requestIds)
  await leaveAccount(tx, requestIds, from)
  await joinAccount(tx, requestIds, to, toMrrCents)
  await tx.query('UPDATE votes SET account = $2 WHERE person_id = $1', [personId, to])
}

/**
 * Rebuilds one request's account rows and counters from its votes (after a request merge):
 * the same sums the maintained counters hold, worked out from scratch for one request.
 */
export async function recountRequest(tx: SqlExecutor, requestId: string): Promise<void> {
  await tx.query('DELETE FROM request_accounts WHERE request_id = $1', [requestId])
  await tx.query(
    `INSERT INTO request_accounts (request_id, account, voters, mrr_cents, at_risk)
     SELECT $1, v.account, count(*), max(coalesce(c.mrr_cents, p.mrr_cents)),
            bool_or(coalesce(c.at_risk, p.at_risk))
       FROM votes v JOIN people p ON p.id = v.person_id LEFT JOIN companies c ON c.id = p.company_id
      WHERE v.request_id = $1 AND v.account IS NOT NULL
      GROUP BY v.account`,
    [requestId],
  )
  await tx.query(
    `UPDATE requests SET
        votes = (SELECT count(*) FROM votes WHERE request_id = $1),
        accounts = (SELECT count(*) FROM request_accounts WHERE request_id = $1),
        mrr_cents = (SELECT coalesce(sum(mrr_cents), 0) FROM request_accounts WHERE request_id = $1),
        at_risk_mrr_cents = (SELECT coalesce(sum(mrr_cents), 0) FROM request_accounts
                              WHERE request_id = $1 AND at_risk)
      WHERE id = $1`,
    [requestId],
  )
}
