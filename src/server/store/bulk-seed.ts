import type { Db } from './db'

export interface BulkSeedSize {
  requests: number
  people: number
  /** Votes per person; total votes = people × votesPerPerson (at most `requests`). */
  votesPerPerson: number
  /**
   * Person n belongs to company `company-(n % companies)` (external id), all of whose people
   * pay the same; 0 or omitted: everyone is their own account.
   */
  companies?: number
  /**
   * Company k is at risk (as Stripe's webhook leaves a past-due account) when k % atRiskEvery
   * is atRiskEvery - 1; 0 or omitted: none is.
   */
  atRiskEvery?: number
}

/**
 * Fills a project with a large, consistent backlog in a few set-based statements, for
 * benchmarks: identified people with varied monthly revenue, requests, distinct votes, and the
 * per-request counters computed from them. Not used by the server itself.
 */
export async function bulkSeedProject(
  db: Db,
  projectId: string,
  size: BulkSeedSize,
): Promise<void> {
  if (size.votesPerPerson > size.requests)
    throw new Error('votesPerPerson must not exceed requests')
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO people (project_id, sub, email, plan, billing_interval, amount_cents, mrr_cents,
                           token_iat, created_at, updated_at)
       SELECT $1, 'user-' || g, 'user' || g || '@example.com', 'pro', 'month',
              (g % 100) * 100, (g % 100) * 100, 0, now(), now()
         FROM generate_series(1, $2::int) g`,
      [projectId, size.people],
    )
    await tx.query(
      `INSERT INTO requests (id, project_id, title, body, author_voter, created_at, updated_at)
       SELECT $1 || '-seed-' || g, $1, 'Seeded request ' || g, 'Seeded for a benchmark.', 'a:seed',
              now() - g * interval '1 minute', now()
         FROM generate_series(1, $2::int) g`,
      [projectId, size.requests],
    )
    const companies = size.companies ?? 0
    if (companies > 0) {
      // Company k's MRR is (k % 100) * 100, the same as each of its people's (n % 100) * 100
      // as long as `companies` is a multiple of 100.
      await tx.query(
        `INSERT INTO companies (project_id, external_id, plan, billing_interval, amount_cents,
                                mrr_cents, at_risk, token_iat, created_at, updated_at)
         SELECT $1, 'company-' || k, 'pro', 'month', (k % 100) * 100, (k % 100) * 100,
                $3::int > 0 AND k % greatest($3::int, 1) = $3::int - 1, 0, now(), now()
           FROM generate_series(0, $2::int - 1) k`,
        [projectId, companies, size.atRiskEvery ?? 0],
      )
      await tx.query(
        `UPDATE people p SET company_id = c.id
           FROM companies c
          WHERE p.project_id = $1 AND c.project_id = $1
            AND c.external_id = 'company-' || (substr(p.sub, 6)::int % $2::int)`,
        [projectId, companies],
      )
    }
    // Person p votes for votesPerPerson different requests, spread with a stride.
    await tx.query(
      `INSERT INTO votes (request_id, voter, project_id, person_id, created_at, voter_mrr_cents,
                          account)
       SELECT $1 || '-seed-' || (((p.id * 7 + k * (($2::int / $3::int) - 1)) % $2::int) + 1),
              's:' || p.sub, $1, p.id, now(), p.mrr_cents,
              CASE WHEN p.company_id IS NULL THEN 'p:' || p.id ELSE 'c:' || p.company_id END
         FROM people p CROSS JOIN generate_series(0, $3::int - 1) k
        WHERE p.project_id = $1
       ON CONFLICT DO NOTHING`,
      [projectId, size.requests, size.votesPerPerson],
    )
    await tx.query(
      `INSERT INTO request_accounts (request_id, account, voters, mrr_cents, at_risk)
       SELECT v.request_id, v.account, count(*), max(coalesce(c.mrr_cents, p.mrr_cents)),
              bool_or(coalesce(c.at_risk, p.at_risk))
         FROM votes v JOIN people p ON p.id = v.person_id LEFT JOIN companies c ON c.id = p.company_id
        WHERE v.project_id = $1
        GROUP BY v.request_id, v.account`,
      [projectId],
    )
    await tx.query(
      `UPDATE requests r SET votes = c.n, accounts = c.a, mrr_cents = c.m, at_risk_mrr_cents = c.r
         FROM (SELECT ra.request_id, sum(ra.voters) AS n, count(*) AS a, sum(ra.mrr_cents) AS m,
                      sum(CASE WHEN ra.at_risk THEN ra.mrr_cents ELSE 0 END) AS r
                 FROM request_accounts ra JOIN requests q ON q.id = ra.request_id
                WHERE q.project_id = $1 GROUP BY ra.request_id) c
        WHERE r.id = c.request_id`,
      [projectId],
    )
  })
  await db.exec('ANALYZE')
}
