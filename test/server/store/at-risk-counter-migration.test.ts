// Migration 035 turns revenue at risk from a sum worked out when read into a counter kept on the
// request. A database that already holds at-risk accounts (a Stripe webhook ran under 033/034)
// must come out of the migration with the same numbers the read-time sum gave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore, type Store } from '../../../src/server/store'
import type { Db } from '../../../src/server/store/db'
import { loadMigrations, migrate } from '../../../src/server/store/migrate'
import { expectCountersEqualRecount } from '../../helpers/revenue-recount'
import { openEmptyEmbeddedDb } from '../../helpers/test-store'

describe('migration 035: the revenue at risk counter', () => {
  let db: Db
  let store: Store
  beforeAll(async () => {
    db = await openEmptyEmbeddedDb()
    await migrate(
      db,
      loadMigrations().filter((migration) => migration.version < 35),
    )
    store = createStore(db)
  })
  afterAll(async () => {
    await db.close()
  })

  it('fills at_risk_mrr_cents and each account row’s flag from the accounts’ flags', async () => {
    await db.exec(`
      INSERT INTO projects (id, name, secret, created_at) VALUES ('p1', 'P1', 's', now());
      INSERT INTO companies (id, project_id, external_id, mrr_cents, at_risk, token_iat, created_at, updated_at)
        VALUES (1, 'p1', 'acme', 4900, true, 0, now(), now()),
               (2, 'p1', 'beta', 9900, false, 0, now(), now());
      INSERT INTO people (id, project_id, sub, mrr_cents, company_id, at_risk, token_iat, created_at, updated_at)
        VALUES (1, 'p1', 'ann', 4900, 1, false, 0, now(), now()),
               (2, 'p1', 'bea', 9900, 2, true, 0, now(), now()),
               (3, 'p1', 'sol', 900, NULL, true, 0, now(), now());
      INSERT INTO requests (id, project_id, title, body, author_voter, created_at, updated_at,
                            votes, accounts, mrr_cents)
        VALUES ('r1', 'p1', 'Export', '', 'a:x', now(), now(), 3, 3, 15700),
               ('r2', 'p1', 'SSO', '', 'a:x', now(), now(), 1, 1, 9900);
      INSERT INTO votes (request_id, voter, project_id, person_id, created_at, voter_mrr_cents, account)
        VALUES ('r1', 's:ann', 'p1', 1, now(), 4900, 'c:1'),
               ('r1', 's:bea', 'p1', 2, now(), 9900, 'c:2'),
               ('r1', 's:sol', 'p1', 3, now(), 900, 'p:3'),
               ('r2', 's:bea', 'p1', 2, now(), 9900, 'c:2');
      INSERT INTO request_accounts (request_id, account, voters, mrr_cents)
        VALUES ('r1', 'c:1', 1, 4900), ('r1', 'c:2', 1, 9900), ('r1', 'p:3', 1, 900),
               ('r2', 'c:2', 1, 9900);
    `)
    expect(await migrate(db)).toContain(35)

    // Acme (4,900) and Sol (900) are at risk; Bea is, but she counts for Beta, which is not.
    const entries = await store.backlog.list({ projectId: 'p1', sort: 'at_risk' })
    expect(entries.map((entry) => [entry.title, entry.atRiskMrrCents])).toEqual([
      ['Export', 5800],
      ['SSO', 0],
    ])
    const flagged = await db.query<{ request_id: string; account: string }>(
      'SELECT request_id, account FROM request_accounts WHERE at_risk ORDER BY request_id, account',
    )
    expect(flagged).toEqual([
      { request_id: 'r1', account: 'c:1' },
      { request_id: 'r1', account: 'p:3' },
    ])
    await expectCountersEqualRecount(db, 'p1')
  })
})
