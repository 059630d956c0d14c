/**
 * `reqio restore <file>`: loads a dump into an empty database, in one transaction: either the
 * whole dump is there afterwards, or nothing is.
 *
 * The migrations the dump was taken at run first, so its rows land in the schema they came
 * from; then every table's rows in foreign-key order; then any newer migrations this Reqio
 * has, so they upgrade the restored rows exactly as they would have upgraded the original
 * database; last, every sequence moves past the highest id it handed out.
 */
import type { Db, SqlExecutor } from '../store/db'
import { loadMigrations, migrate } from '../store/migrate'
import {
  type ColumnInfo,
  describeDumpedTables,
  listSequences,
  orderByForeignKeys,
  quoteIdent,
  selfReferences,
  type TableInfo,
} from './catalog'
import {
  DUMP_FORMAT,
  DUMP_FORMAT_VERSION,
  type DumpHeader,
  type DumpRow,
  type DumpSequence,
  isDumpRow,
  readDumpLines,
} from './dump-format'
import { assertEmptyTarget } from './empty-target'
import { SelfReferenceFixups } from './self-references'
import { useCanonicalTextForms } from './text-forms'

/** Bind parameters per INSERT stay well under the protocol's 65,535. */
const MAX_PARAMS_PER_INSERT = 20_000
const MAX_ROWS_PER_INSERT = 500

export interface RestoreSummary {
  header: DumpHeader
  tables: number
  rows: number
  /** Migrations newer than the dump, applied after its rows were loaded. */
  upgradedWith: number[]
}

/** The dump's first line, checked: a file that is not a dump or is from a newer Reqio throws. */
export async function readDumpHeader(file: string): Promise<DumpHeader> {
  for await (const line of readDumpLines(file)) {
    if (isDumpRow(line) || line.kind !== 'header' || line.format !== DUMP_FORMAT)
      throw new Error(`${file} does not start with a Reqio dump header`)
    if (line.formatVersion > DUMP_FORMAT_VERSION)
      throw new Error(
        `${file} is dump format ${line.formatVersion}, written by Reqio ${line.reqioVersion}; ` +
          `this Reqio reads format ${DUMP_FORMAT_VERSION}: restore it with a newer Reqio`,
      )
    const known = new Set(loadMigrations().map((migration) => migration.version))
    const unknown = line.migrations.filter((version) => !known.has(version))
    if (unknown.length > 0)
      throw new Error(
        `${file} was taken by Reqio ${line.reqioVersion} with migrations this Reqio does not ` +
          `have (${unknown.join(', ')}): restore it with that version or a newer one`,
      )
    return line
  }
  throw new Error(`${file} is empty: not a Reqio dump`)
}

export async function restoreBackup(db: Db, file: string): Promise<RestoreSummary> {
  const header = await readDumpHeader(file)
  const inDump = new Set(header.migrations)
  const migrations = loadMigrations()
  return db.transaction(async (tx) => {
    // Migrations run inside this transaction too: a failed restore leaves no schema behind.
    const inThisTransaction: Db = {
      ...tx,
      kind: db.kind,
      transaction: (work) => work(tx),
      close: async () => {},
    }
    await useCanonicalTextForms(tx)
    await assertEmptyTarget(tx, header.migrations)
    await migrate(
      inThisTransaction,
      migrations.filter((migration) => inDump.has(migration.version)),
    )
    const loaded = await loadRows(tx, file)
    const upgradedWith = await migrate(inThisTransaction, migrations)
    await moveSequencesPastTheirRows(tx, loaded.sequences)
    return { header, tables: loaded.tables, rows: loaded.rows, upgradedWith }
  })
}

interface Loaded {
  tables: number
  rows: number
  sequences: DumpSequence[]
}

async function loadRows(tx: SqlExecutor, file: string): Promise<Loaded> {
  const schema = await currentSchema(tx)
  const targetTables = new Map(
    orderByForeignKeys(await describeDumpedTables(tx)).map((table) => [table.name, table]),
  )
  const done = new Set<string>()
  const sequences: DumpSequence[] = []
  let current: TableLoader | null = null
  let rows = 0
  for await (const line of readDumpLines(file)) {
    if (isDumpRow(line)) {
      if (!current) throw new Error(`${file}: a row outside any table`)
      await current.add(line)
      continue
    }
    switch (line.kind) {
      case 'header':
        break
      case 'table': {
        const table = targetTables.get(line.name)
        if (!table) throw new Error(`${file} has table ${line.name}, which this schema does not`)
        for (const key of table.foreignKeys) {
          if (key.referencedTable !== table.name && !done.has(key.referencedTable))
            throw new Error(
              `${file} lists ${table.name} before ${key.referencedTable}, which it references`,
            )
        }
        current = new TableLoader(tx, schema, table, line.columns)
        break
      }
      case 'table-end': {
        if (!current || current.table.name !== line.name)
          throw new Error(`${file}: the end of table ${line.name} without its start`)
        const count = await current.finish()
        if (count !== line.rows)
          throw new Error(
            `${file}: table ${line.name} should have ${line.rows} rows, read ${count}`,
          )
        done.add(line.name)
        rows += count
        current = null
        break
      }
      case 'sequence':
        sequences.push(line)
        break
      case 'end':
        if (line.tables !== done.size || line.rows !== rows)
          throw new Error(`${file}: its end line does not match the tables and rows read`)
        return { tables: done.size, rows, sequences }
    }
  }
  throw new Error(`${file} was cut short (no end line): nothing was restored`)
}

/** Inserts one table's rows in multi-row INSERTs as they stream from the file. */
class TableLoader {
  private readonly insertColumns: ColumnInfo[]
  private readonly rowsPerInsert: number
  private readonly fixups: SelfReferenceFixups | null
  private readonly overriding: string
  private pending: DumpRow[] = []
  private count = 0

  constructor(
    private readonly tx: SqlExecutor,
    private readonly schema: string,
    readonly table: TableInfo,
    dumpColumns: string[],
  ) {
    const byName = new Map(table.columns.map((column) => [column.name, column]))
    this.insertColumns = dumpColumns.map((name) => {
      const column = byName.get(name)
      if (!column || column.generated)
        throw new Error(`the dump's column ${table.name}.${name} is not a column here`)
      return column
    })
    this.rowsPerInsert = Math.max(
      1,
      Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS_PER_INSERT / dumpColumns.length)),
    )
    const selfKeys = selfReferences(table)
    this.fixups =
      selfKeys.length > 0 ? new SelfReferenceFixups(tx, schema, table, dumpColumns, selfKeys) : null
    this.overriding = this.insertColumns.some((column) => column.identityAlways)
      ? ' OVERRIDING SYSTEM VALUE'
      : ''
  }

  async add(row: DumpRow): Promise<void> {
    if (row.length !== this.insertColumns.length)
      throw new Error(
        `a row of ${this.table.name} has ${row.length} values, not ${this.insertColumns.length}`,
      )
    // A row pointing at a row of its own table that may come later goes in without the
    // pointer, which is set once the whole table is in.
    this.pending.push(this.fixups ? this.fixups.detach(row) : row)
    if (this.pending.length >= this.rowsPerInsert) await this.flush()
  }

  async finish(): Promise<number> {
    await this.flush()
    await this.fixups?.apply()
    return this.count
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return
    const width = this.insertColumns.length
    const casts = this.insertColumns.map((column) => `::text::${column.type}`)
    const values = this.pending
      .map((_, r) => `(${casts.map((cast, c) => `$${r * width + c + 1}${cast}`).join(', ')})`)
      .join(', ')
    await this.tx.query(
      `INSERT INTO ${quoteIdent(this.schema)}.${quoteIdent(this.table.name)}
         (${this.insertColumns.map((column) => quoteIdent(column.name)).join(', ')})${this.overriding}
       VALUES ${values}`,
      this.pending.flat(),
    )
    this.count += this.pending.length
    this.pending = []
  }
}

/**
 * Every sequence ends where the dump's did, or past the highest id now in its column if that
 * is further: the next row gets a new id, and an id the original handed out before is never
 * handed out again.
 */
async function moveSequencesPastTheirRows(tx: SqlExecutor, dumped: DumpSequence[]): Promise<void> {
  const schema = await currentSchema(tx)
  const dumpedByName = new Map(dumped.map((sequence) => [sequence.name, sequence]))
  for (const sequence of await listSequences(tx)) {
    let last = 0n
    const fromDump = dumpedByName.get(sequence.name)
    if (fromDump) last = BigInt(fromDump.lastValue) - (fromDump.isCalled ? 0n : 1n)
    if (sequence.owner) {
      const [row] = await tx.query<{ max: string | null }>(
        `SELECT max(${quoteIdent(sequence.owner.column)})::text AS max
           FROM ${quoteIdent(schema)}.${quoteIdent(sequence.owner.table)}`,
      )
      if (row?.max != null && BigInt(row.max) > last) last = BigInt(row.max)
    }
    if (last < 1n) continue
    await tx.query('SELECT setval($1::text::regclass, $2::text::bigint, true)', [
      `${quoteIdent(schema)}.${quoteIdent(sequence.name)}`,
      last.toString(),
    ])
  }
}

async function currentSchema(tx: SqlExecutor): Promise<string> {
  const [row] = await tx.query<{ schema: string }>('SELECT current_schema()::text AS schema')
  if (!row?.schema) throw new Error('no current schema (is search_path empty?)')
  return row.schema
}
