import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from './db'

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations')
/** Any constant: serialises migrations when several app servers start at once on PostgreSQL. */
const MIGRATION_LOCK_ID = 727_100_401

interface Migration {
  version: number
  name: string
  sql: string
}

/** Files named `NNN_name.sql`, applied once each, in order, recorded in schema_migrations. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d+_.+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number.parseInt(file, 10),
      name: file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
}

export async function migrate(db: Db, migrations = loadMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    // A migration on a big database (an index build) and the wait of a process starting
    // beside one may take longer than any request's statement_timeout allows.
    await tx.exec('SET LOCAL statement_timeout = 0')
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID])
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const appliedRows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations')
    const applied = new Set(appliedRows.map((row) => row.version))
    const newlyApplied: number[] = []
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue
      await tx.exec(migration.sql)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
      newlyApplied.push(migration.version)
    }
    return newlyApplied
  })
}
