/**
 * Which database an operations command works on, chosen exactly as the server chooses it:
 * DATABASE_URL set → that PostgreSQL; otherwise the embedded database in
 * `$REQIO_DATA_DIR/pglite` (REQIO_DATA_DIR defaults to `.reqio`, see config.ts and index.ts).
 */
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Db } from '../store/db'
import { openPgDb } from '../store/pg-db'
import { openPgliteDb } from '../store/pglite-db'

export type DatabaseTarget =
  | { engine: 'postgres'; databaseUrl: string }
  | { engine: 'pglite'; dataDir: string; databaseDir: string }

export function readDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { engine: 'postgres', databaseUrl: env.DATABASE_URL }
  const dataDir = resolve(env.REQIO_DATA_DIR || '.reqio')
  return { engine: 'pglite', dataDir, databaseDir: join(dataDir, 'pglite') }
}

/** For messages: never the URL, which may carry a password. */
export function describeTarget(target: DatabaseTarget): string {
  return target.engine === 'postgres'
    ? 'PostgreSQL (DATABASE_URL)'
    : `the embedded database in ${target.databaseDir}`
}

/** True when the embedded database directory has nothing in it (or is not there yet). */
export function isEmbeddedDatabaseEmpty(databaseDir: string): boolean {
  return !existsSync(databaseDir) || readdirSync(databaseDir).length === 0
}

/**
 * Opens the target without migrating it. The embedded database takes the data dir's lock
 * (store/data-dir-lock.ts) like the server does, so a command run while a server holds it is
 * refused with that server's pid instead of writing beside it.
 */
export function openTarget(target: DatabaseTarget): Promise<Db> {
  return target.engine === 'postgres'
    ? // One connection is all a command uses (its transaction); a second for the odd query.
      openPgDb({ connectionString: target.databaseUrl, maxConnections: 2 })
    : openPgliteDb(target.databaseDir)
}
