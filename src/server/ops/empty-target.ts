import type { SqlExecutor } from '../store/db'
import { listTables, MIGRATIONS_TABLE, quoteIdent, TRANSIENT_TABLES } from './catalog'

/** Why a database cannot take a restore; the message says what to do instead. */
export class TargetNotEmptyError extends Error {
  override readonly name = 'TargetNotEmptyError'
}

/**
 * A restore only goes into an empty database: nothing it holds is ever overwritten or mixed
 * with the dump. Empty means no tables at all, or Reqio's tables with no rows in any of them
 * (what a server that started once with demo mode off leaves) at migrations the dump also has.
 * Runs inside the restore's transaction, so nothing can be written between the check and the
 * load.
 */
export async function assertEmptyTarget(
  tx: SqlExecutor,
  dumpMigrations: readonly number[],
): Promise<void> {
  const tables = await listTables(tx)
  if (tables.length === 0) return
  const where = await describeTarget(tx)
  if (!tables.includes(MIGRATIONS_TABLE)) {
    throw new TargetNotEmptyError(
      `${where} already holds tables that are not Reqio's (${tables.slice(0, 5).join(', ')}): ` +
        'restore into an empty database or schema',
    )
  }
  for (const table of tables) {
    if (table === MIGRATIONS_TABLE || TRANSIENT_TABLES.has(table)) continue
    const [row] = await tx.query<{ has_rows: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)}) AS has_rows`,
    )
    if (row?.has_rows) {
      throw new TargetNotEmptyError(
        `${where} is not empty (table ${table} has rows): restore only loads into an empty ` +
          'database, so nothing in it is overwritten. Use a new database (or drop and ' +
          're-create this one), then run restore again.',
      )
    }
  }
  const applied = await tx.query<{ version: number }>(
    `SELECT version FROM ${quoteIdent(MIGRATIONS_TABLE)}`,
  )
  const inDump = new Set(dumpMigrations)
  const newer = applied.map((row) => Number(row.version)).filter((version) => !inDump.has(version))
  if (newer.length > 0) {
    throw new TargetNotEmptyError(
      `${where} has no rows but its schema is newer than the dump's (migrations ` +
        `${newer.join(', ')} are applied there and not in the dump): restore into a new ` +
        'database, and the newer migrations run on the restored rows',
    )
  }
}

async function describeTarget(tx: SqlExecutor): Promise<string> {
  const [row] = await tx.query<{ db: string; schema: string }>(
    'SELECT current_database()::text AS db, current_schema()::text AS schema',
  )
  return row ? `database ${row.db} (schema ${row.schema})` : 'the database'
}
