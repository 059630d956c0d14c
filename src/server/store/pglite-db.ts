import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { Db, SqlExecutor } from './db'
import { OwnerOnlyNodeFS, tightenToOwner } from './pglite-owner-only-fs'

/** The embedded database: Postgres compiled to WASM, in memory when dataDir is null. */
export async function openPgliteDb(dataDir: string | null): Promise<Db> {
  // int8 (counters, cents, ids) as plain numbers, the same as the pg adapter answers.
  // pg_trgm indexes the public search (migration 004).
  const options = { parsers: { 20: (value: string) => Number(value) }, extensions: { pg_trgm } }
  // PGlite creates only the last directory; REQIO_DATA_DIR itself may not exist yet.
  if (dataDir) mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const pglite = dataDir
    ? await PGlite.create({ ...options, fs: new OwnerOnlyNodeFS(dataDir) })
    : await PGlite.create(options)
  // Files an older Reqio left 0666 (and whatever PGlite wrote before the mask applied).
  if (dataDir) tightenToOwner(dataDir)
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
