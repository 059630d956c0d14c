/**
 * `reqio backup <file>`: every table's rows, read in one REPEATABLE READ, READ ONLY
 * transaction, so the dump is one consistent moment of the database even while servers keep
 * writing to it (PostgreSQL). Written to `<file>.partial` and renamed when whole: a failed
 * backup never leaves a file that looks like a good one.
 */
import { renameSync, rmSync } from 'node:fs'
import type { Db, SqlExecutor } from '../store/db'
import { VERSION } from '../version'
import {
  describeDumpedTables,
  listSequences,
  listTables,
  MIGRATIONS_TABLE,
  orderByForeignKeys,
  quoteIdent,
  type TableInfo,
} from './catalog'
import { DUMP_FORMAT, DUMP_FORMAT_VERSION, type DumpWriter, openDumpWriter } from './dump-format'
import { useCanonicalTextForms } from './text-forms'

/** Rows per FETCH: bounds memory whatever a table's size. */
const FETCH_ROWS = 1000

export interface BackupSummary {
  file: string
  tables: number
  rows: number
  migrations: number[]
}

export async function writeBackup(db: Db, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`
  const writer = openDumpWriter(partial)
  try {
    const summary = await db.transaction(async (tx) => {
      // Must be the transaction's first statement: the snapshot is taken at the first query.
      await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
      await useCanonicalTextForms(tx)
      return dumpInto(tx, db.kind, writer)
    })
    await writer.close()
    renameSync(partial, file)
    return { file, ...summary }
  } catch (error) {
    writer.abort()
    rmSync(partial, { force: true })
    throw error
  }
}

async function dumpInto(
  tx: SqlExecutor,
  engine: Db['kind'],
  writer: DumpWriter,
): Promise<Omit<BackupSummary, 'file'>> {
  if (!(await listTables(tx)).includes(MIGRATIONS_TABLE))
    throw new Error(
      'this database has no Reqio schema (no schema_migrations table): nothing to back up',
    )
  const migrations = (
    await tx.query<{ version: number }>(
      `SELECT version FROM ${quoteIdent(MIGRATIONS_TABLE)} ORDER BY version`,
    )
  ).map((row) => Number(row.version))
  await writer.write({
    kind: 'header',
    format: DUMP_FORMAT,
    formatVersion: DUMP_FORMAT_VERSION,
    reqioVersion: VERSION,
    createdAt: new Date().toISOString(),
    engine,
    migrations,
  })
  const [{ schema }] = (await tx.query<{ schema: string }>(
    'SELECT current_schema()::text AS schema',
  )) as [{ schema: string }]
  // In the order restore inserts them: a table after every table it references.
  const tables = orderByForeignKeys(await describeDumpedTables(tx))
  let rows = 0
  for (const table of tables) rows += await dumpTable(tx, `${quoteIdent(schema)}.`, table, writer)
  for (const sequence of await listSequences(tx)) {
    const [state] = await tx.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called
         FROM ${quoteIdent(schema)}.${quoteIdent(sequence.name)}`,
    )
    if (!state) continue
    await writer.write({
      kind: 'sequence',
      name: sequence.name,
      lastValue: state.last_value,
      isCalled: state.is_called,
    })
  }
  await writer.write({ kind: 'end', tables: tables.length, rows })
  return { tables: tables.length, rows, migrations }
}

async function dumpTable(
  tx: SqlExecutor,
  schemaPrefix: string,
  table: TableInfo,
  writer: DumpWriter,
): Promise<number> {
  // Generated columns are computed again by the restoring database.
  const columns = table.columns.filter((column) => !column.generated)
  await writer.write({
    kind: 'table',
    name: table.name,
    columns: columns.map((column) => column.name),
    types: columns.map((column) => column.type),
  })
  // Aliased by position: a row comes back as the values in column order, whatever the names.
  const select = columns.map((column, i) => `${quoteIdent(column.name)}::text AS c${i}`).join(', ')
  await tx.exec(
    `DECLARE reqio_dump NO SCROLL CURSOR FOR
       SELECT ${select} FROM ${schemaPrefix}${quoteIdent(table.name)}`,
  )
  let count = 0
  for (;;) {
    const batch = await tx.query<Record<string, string | null>>(
      `FETCH FORWARD ${FETCH_ROWS} FROM reqio_dump`,
    )
    for (const row of batch) await writer.write(columns.map((_, i) => row[`c${i}`] ?? null))
    count += batch.length
    if (batch.length < FETCH_ROWS) break
  }
  await tx.exec('CLOSE reqio_dump')
  await writer.write({ kind: 'table-end', name: table.name, rows: count })
  return count
}
