import type { Db } from './db'

export interface BulkSeedSize {
  requests: number
  people: number
  /** Votes per person; total votes = people × votesPerPerson (at most `requests`). */
  votesPerPerson: number
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
    // Person p votes for votesPerPerson different requests, spread with a stride.
    await tx.query(
      `INSERT INTO votes (request_id, voter, project_id, person_id, created_at, voter_mrr_cents)
       SELECT $1 || '-seed-' || (((p.id * 7 + k * (($2::int / $3::int) - 1)) % $2::int) + 1),
              's:' || p.sub, $1, p.id, now(), p.mrr_cents
         FROM people p CROSS JOIN generate_series(0, $3::int - 1) k
        WHERE p.project_id = $1
       ON CONFLICT DO NOTHING`,
      [projectId, size.requests, size.votesPerPerson],
    )
    await tx.query(
      `UPDATE requests r SET votes = c.n, mrr_cents = c.m
         FROM (SELECT v.request_id, count(*) AS n, sum(p.mrr_cents) AS m
                 FROM votes v JOIN people p ON p.id = v.person_id
                WHERE v.project_id = $1 GROUP BY v.request_id) c
        WHERE r.id = c.request_id`,
      [projectId],
    )
  })
  await db.exec('ANALYZE')
}
