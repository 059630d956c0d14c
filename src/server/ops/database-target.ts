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
 * PGlite keeps `postmaster.pid` in its directory while a process has the database open and
 * removes it on a clean close. Its content is no real pid, so whether that process still
 * runs cannot be told; a second process on the same files loses writes (one writer only), so
 * the commands refuse instead of guessing.
 */
export function assertEmbeddedDatabaseNotOpen(databaseDir: string): void {
  if (!existsSync(join(databaseDir, 'postmaster.pid'))) return
  throw new Error(
    `${databaseDir} is open in another process (its postmaster.pid is there): stop the Reqio ` +
      'server using it first, the embedded database has one process at a time. If no server ' +
      'runs (one was killed), start it and stop it once (Ctrl-C or SIGTERM) to close the ' +
      'database cleanly, then run this again.',
  )
}

/** Opens the target without migrating it. */
export function openTarget(target: DatabaseTarget): Promise<Db> {
  return target.engine === 'postgres'
    ? // One connection is all a command uses (its transaction); a second for the odd query.
      openPgDb({ connectionString: target.databaseUrl, maxConnections: 2 })
    : openPgliteDb(target.databaseDir)
}
