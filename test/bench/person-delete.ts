// GDPR erasure at scale (issue 28): DELETE /v1/admin/projects/{pid}/people/{sub} of a person
// with 1,000 votes (and 50 comments) in a backlog of 5,000 requests and 20,000 other votes,
// through the real app, one transaction (goal < 1 s). Afterwards every request's counters are
// checked against its rows: votes, accounts and MRR must be exact.
// Embedded database on disk always; PostgreSQL too when DATABASE_URL is set.
//   npx tsx test/bench/person-delete.ts        (also a section of `npm run bench`)
import { createApp } from '../../src/server/app'
import { systemClock } from '../../src/server/clock'
import { readServerConfig } from '../../src/server/config'
import { generateSecret } from '../../src/server/identity/secrets'
import { silentLogger } from '../../src/server/logger'
import type { Store } from '../../src/server/store'
import { bulkSeedProject } from '../../src/server/store/bulk-seed'
import { onEachEngine } from './each-engine'

const SIZE = { requests: 5_000, people: 2_000, votesPerPerson: 10, companies: 100 }
const TARGET_VOTES = 1_000
const TARGET_COMMENTS = 50
const ADMIN_TOKEN = 'bench-admin-token-that-is-long-enough'

/** The person to erase: in a company others of the backlog belong to, voting on 1,000 requests. */
async function seedTarget(store: Store, projectId: string): Promise<void> {
  await store.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO people (project_id, sub, email, name, plan, billing_interval, amount_cents,
                           mrr_cents, token_iat, company_id, created_at, updated_at)
       SELECT $1, 'gdpr-target', 'target@example.com', 'Tess Target', 'pro', 'month', 700, 700, 0,
              (SELECT id FROM companies WHERE project_id = $1 AND external_id = 'company-7'),
              now(), now()`,
      [projectId],
    )
    await tx.query(
      `INSERT INTO votes (request_id, voter, project_id, person_id, created_at, voter_mrr_cents,
                          account)
       SELECT $1 || '-seed-' || (g * 5), 's:gdpr-target', $1, p.id, now(), p.mrr_cents,
              'c:' || p.company_id
         FROM people p CROSS JOIN generate_series(1, $2::int) g
        WHERE p.project_id = $1 AND p.sub = 'gdpr-target'`,
      [projectId, TARGET_VOTES],
    )
    await tx.query(
      `INSERT INTO comments (id, project_id, request_id, body, kind, author_voter,
                             author_person_id, created_at)
       SELECT 'c_bench_' || g, $1, $1 || '-seed-' || (g * 5), 'Please, from Tess Target',
              'customer', 's:gdpr-target', p.id, now()
         FROM people p CROSS JOIN generate_series(1, $2::int) g
        WHERE p.project_id = $1 AND p.sub = 'gdpr-target'`,
      [projectId, TARGET_COMMENTS],
    )
    // The counters as bulk-seed computes them, now with the target's votes and comments.
    await tx.query(
      `DELETE FROM request_accounts WHERE request_id IN (SELECT id FROM requests WHERE project_id = $1)`,
      [projectId],
    )
    await tx.query(
      `INSERT INTO request_accounts (request_id, account, voters, mrr_cents)
       SELECT v.request_id, v.account, count(*), max(coalesce(c.mrr_cents, p.mrr_cents))
         FROM votes v JOIN people p ON p.id = v.person_id LEFT JOIN companies c ON c.id = p.company_id
        WHERE v.project_id = $1 GROUP BY v.request_id, v.account`,
      [projectId],
    )
    await recountAll(tx, projectId)
  })
}

async function recountAll(tx: Pick<Store['db'], 'query'>, projectId: string) {
  await tx.query(
    `UPDATE requests r SET
        votes = (SELECT count(*) FROM votes v WHERE v.request_id = r.id),
        accounts = (SELECT count(*) FROM request_accounts ra WHERE ra.request_id = r.id),
        mrr_cents = (SELECT coalesce(sum(mrr_cents), 0) FROM request_accounts ra
                      WHERE ra.request_id = r.id),
        comment_count = (SELECT count(*) FROM comments c WHERE c.request_id = r.id)
      WHERE r.project_id = $1`,
    [projectId],
  )
}

/** Requests whose counters differ from what their rows add up to (0 when exact). */
async function driftingRequests(store: Store, projectId: string): Promise<number> {
  const [row] = await store.db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM requests r
      WHERE r.project_id = $1 AND (
        r.votes <> (SELECT count(*) FROM votes v WHERE v.request_id = r.id)
        OR r.accounts <> (SELECT count(DISTINCT v.account) FROM votes v
                           WHERE v.request_id = r.id AND v.account IS NOT NULL)
        OR r.mrr_cents <> (SELECT coalesce(sum(a.mrr), 0) FROM (
              SELECT max(coalesce(c.mrr_cents, p.mrr_cents)) AS mrr
                FROM votes v JOIN people p ON p.id = v.person_id
                LEFT JOIN companies c ON c.id = p.company_id
               WHERE v.request_id = r.id GROUP BY v.account) a)
        OR r.comment_count <> (SELECT count(*) FROM comments c WHERE c.request_id = r.id))`,
    [projectId],
  )
  return Number(row?.n ?? -1)
}

async function measure(database: string, store: Store) {
  const projectId = `erase-${Date.now().toString(36)}`
  await store.projects.create({ id: projectId, name: 'Erase', secret: generateSecret(), now: 0 })
  await bulkSeedProject(store.db, projectId, SIZE)
  await seedTarget(store, projectId)
  await store.db.exec('ANALYZE')
  const [{ mrr: mrrBefore } = { mrr: 0 }] = await store.db.query<{ mrr: number | string }>(
    'SELECT sum(mrr_cents) AS mrr FROM requests WHERE project_id = $1',
    [projectId],
  )
  const app = createApp({
    store,
    config: { ...readServerConfig({}), demo: false, adminToken: ADMIN_TOKEN },
    clock: systemClock,
    logger: silentLogger,
  })
  const started = performance.now()
  const res = await app.request(`/v1/admin/projects/${projectId}/people/gdpr-target`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  })
  const ms = performance.now() - started
  if (res.status !== 204) throw new Error(`the delete answered ${res.status}: ${await res.text()}`)
  const [left] = await store.db.query<{ votes: number | string; mrr: number | string }>(
    `SELECT (SELECT count(*) FROM votes WHERE voter = 's:gdpr-target') AS votes,
            (SELECT sum(mrr_cents) FROM requests WHERE project_id = $1) AS mrr`,
    [projectId],
  )
  return {
    database,
    'votes erased': TARGET_VOTES,
    'comments erased': TARGET_COMMENTS,
    ms: ms.toFixed(0),
    'goal < 1 s': ms < 1000 ? 'yes' : 'NO',
    'votes left': Number(left?.votes ?? -1),
    'MRR removed': `$${((Number(mrrBefore) - Number(left?.mrr ?? 0)) / 100).toFixed(2)}`,
    'requests with wrong counters': await driftingRequests(store, projectId),
  }
}

export async function benchPersonDelete(): Promise<void> {
  const rows = await onEachEngine('erase', measure, { statementTimeoutMs: 0 })
  console.table(rows)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPersonDelete()
