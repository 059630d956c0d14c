import type { Db } from './db'
import { loadMigrations } from './migrate'

/**
 * True when the database answers and holds every migration this build knows. One query does
 * both: it fails while the database is away, and reports an older schema as not ready.
 */
export async function databaseIsReady(db: Db, latestMigration: number): Promise<boolean> {
  const rows = await db.query<{ latest: number | null }>(
    'SELECT max(version) AS latest FROM schema_migrations',
  )
  return (rows[0]?.latest ?? 0) >= latestMigration
}

/** The newest migration shipped with this build (read once, at start). */
export function latestMigrationVersion(): number {
  return Math.max(0, ...loadMigrations().map((migration) => migration.version))
}
