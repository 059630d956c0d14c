import type { Db } from './db'

/**
 * Empties every table of the current schema but schema_migrations, keeping the schema: lets a
 * test file reuse one database between tests. Listing tables from the catalog means a new
 * migration's tables are emptied too without anyone remembering to add them here.
 */
export async function truncateAllTables(db: Db): Promise<void> {
  const rows = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
  )
  if (rows.length === 0) return
  const tables = rows.map((row) => `"${row.tablename.replace(/"/g, '""')}"`).join(', ')
  await db.exec(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`)
}
