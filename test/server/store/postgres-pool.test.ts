/**
 * The PostgreSQL pool's limits: DATABASE_POOL_MAX connections and a statement_timeout on each.
 * Needs DATABASE_URL (CI starts a PostgreSQL); each test gets its own throwaway schema.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../../src/server/store'

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl && process.env.CI !== 'true') {
  console.log('skipped PostgreSQL pool tests: set DATABASE_URL to a PostgreSQL server')
}

async function withStore(
  options: { poolMax?: number; statementTimeoutMs?: number },
  use: (store: Store) => Promise<void>,
) {
  if (!databaseUrl) throw new Error('CI=true: DATABASE_URL must name a PostgreSQL server')
  const store = await openStore({
    databaseUrl,
    pgSchema: `reqio_test_${randomBytes(6).toString('hex')}`,
    dropSchemaOnClose: true,
    ...options,
  })
  try {
    await use(store)
  } finally {
    await store.close()
  }
}

describe.skipIf(!databaseUrl && process.env.CI !== 'true')('the PostgreSQL pool', () => {
  it('runs every connection with a 15 s statement_timeout by default', async () => {
    await withStore({}, async (store) => {
      const rows = await Promise.all(
        [1, 2, 3].map(() =>
          store.db.query<{ statement_timeout: string }>('SHOW statement_timeout'),
        ),
      )
      expect(rows.map(([row]) => row?.statement_timeout)).toEqual(['15s', '15s', '15s'])
    })
  })

  it('runs every connection in UTC, whatever the server’s own time zone', async () => {
    await withStore({}, async (store) => {
      // Debian's default is 'Etc/UTC': the exact 'UTC' is the pool's own SET.
      const [row] = await store.db.query<{ TimeZone: string }>('SHOW TimeZone')
      expect(row?.TimeZone).toBe('UTC')
      const [stamp] = await store.db.query<{ at: unknown }>(
        `SELECT json_build_object('at', timestamptz '2026-12-03 11:15:00+01') AS at`,
      )
      expect(stamp?.at).toEqual({ at: '2026-12-03T10:15:00+00:00' })
    })
  })

  it('cancels a statement past REQIO_DB_STATEMENT_TIMEOUT_MS, and the pool goes on', async () => {
    await withStore({ statementTimeoutMs: 100 }, async (store) => {
      await expect(store.db.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' })
      await expect(
        store.db.transaction((tx) => tx.query('SELECT pg_sleep(2)')),
      ).rejects.toMatchObject({ code: '57014' })
      expect(await store.db.query('SELECT 1 AS one')).toEqual([{ one: 1 }])
    })
  })

  it('opens at most DATABASE_POOL_MAX connections, however many queries wait', async () => {
    await withStore({ poolMax: 2 }, async (store) => {
      const rows = await Promise.all(
        Array.from({ length: 6 }, () =>
          store.db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.1)'),
        ),
      )
      expect(new Set(rows.map(([row]) => row?.pid)).size).toBe(2)
    })
  })
})
