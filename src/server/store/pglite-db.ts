import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { type Logger, silentLogger } from '../logger'
import { type DataDirLock, lockDataDir } from './data-dir-lock'
import type { Db, SqlExecutor } from './db'
import { OwnerOnlyNodeFS, tightenToOwner } from './pglite-owner-only-fs'

/**
 * PostgreSQL's own defaults size the embedded database for a server of its own: 128 MB of
 * shared buffers, which PGlite allocates and touches inside its WASM heap at start, and a heap
 * never shrinks. 16 MB holds Reqio's hot pages (the public lists are also cached in
 * http/read-caches.ts) and the rest is read through the OS page cache: the process's RSS went
 * from ~400 to ~280 MB at idle (docs/benchmarks.md, "Start to ready and memory") with no
 * measurable change in the public list's throughput. maintenance_work_mem bounds what one index
 * build (a migration) can add to the heap for good.
 */
const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=16MB',
  '-c',
  'maintenance_work_mem=16MB',
]

/**
 * How every embedded database is opened. int8 (counters, cents, ids) comes back as a plain
 * number, the same as the pg adapter answers; pg_trgm indexes the public search (migration 004).
 */
export const pgliteOptions = {
  parsers: { 20: (value: string) => Number(value) },
  extensions: { pg_trgm },
  startParams: PGLITE_START_PARAMS,
}

/**
 * The embedded database: Postgres compiled to WASM, in memory when dataDir is null. On disk it
 * has one writer, held by `<dataDir>.lock` (data-dir-lock.ts) from open to close.
 */
export async function openPgliteDb(
  dataDir: string | null,
  options: { logger?: Logger } = {},
): Promise<Db> {
  if (!dataDir) return wrapPglite(await PGlite.create(pgliteOptions), null)
  // PGlite creates only the last directory; REQIO_DATA_DIR itself may not exist yet.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const logger = options.logger ?? silentLogger
  const lock = await lockDataDir(`${dataDir.replace(/\/+$/, '')}.lock`, {
    onLost(reason) {
      // Another process now writes these files; going on would lose one side's writes.
      logger.error(`embedded database: lost its lock (${reason}); stopping`)
      process.exit(1)
    },
  })
  try {
    const pglite = await PGlite.create({ ...pgliteOptions, fs: new OwnerOnlyNodeFS(dataDir) })
    // Files an older Reqio left 0666 (and whatever PGlite wrote before the mask applied).
    tightenToOwner(dataDir)
    return wrapPglite(pglite, lock)
  } catch (error) {
    lock.release()
    throw error
  }
}

/** The Db over an open PGlite (tests also wrap one opened from a migrated dump). */
export function wrapPglite(pglite: PGlite, lock: DataDirLock | null): Db {
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
    async close() {
      try {
        await pglite.close()
      } finally {
        lock?.release()
      }
    },
  }
}
