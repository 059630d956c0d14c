import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { Db, SqlExecutor } from './db'

/**
 * PostgreSQL's own defaults size the embedded database for a server of its own: 128 MB of
 * shared buffers, which PGlite allocates and touches inside its WASM heap at start, and a heap
 * never shrinks. 16 MB holds Reqio's hot pages (the public lists are also cached in
 * http/read-caches.ts) and the rest is read through the OS page cache: the process's RSS went
 * from ~400 to ~280 MB at idle (README, Performance) with no measurable change in the public
 * list's throughput. maintenance_work_mem bounds what one index build (a migration) can add to
 * the heap for good.
 */
const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=16MB',
  '-c',
  'maintenance_work_mem=16MB',
]

/** The embedded database: Postgres compiled to WASM, in memory when dataDir is null. */
export async function openPgliteDb(dataDir: string | null): Promise<Db> {
  // int8 (counters, cents, ids) as plain numbers, the same as the pg adapter answers.
  // pg_trgm indexes the public search (migration 004).
  const options = {
    parsers: { 20: (value: string) => Number(value) },
    extensions: { pg_trgm },
    startParams: PGLITE_START_PARAMS,
  }
  // PGlite creates only the last directory; REQIO_DATA_DIR itself may not exist yet.
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const pglite = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options)
  return wrapPglite(pglite)
}

function wrapPglite(pglite: PGlite): Db {
  const asExecutor = (target: Pick<PGlite, 'query' | 'exec'>): SqlExecutor => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await target.query<Row>(sql, params)
      return result.rows
    },
    async exec(sql: string) {
      await target.exec(sql)
    },
  })
  return {
    kind: 'pglite',
    ...asExecutor(pglite),
    // PGlite runs one transaction at a time on its single connection, so there is no
    // concurrency to retry here; the same SQL is race-safe on PostgreSQL through constraints.
    transaction: (work) => pglite.transaction((tx) => work(asExecutor(tx))),
    close: () => pglite.close(),
  }
}
