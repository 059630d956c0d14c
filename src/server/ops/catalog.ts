/**
 * What a dump contains, read from the database's own catalog rather than a list kept by hand:
 * a migration that adds a table is backed up and restored without anyone remembering to.
 * Everything is in the current schema (public, or a test's own).
 */
import type { SqlExecutor } from '../store/db'

/** Written by the migrations themselves: restore runs them instead of copying this table. */
export const MIGRATIONS_TABLE = 'schema_migrations'

/**
 * Shared rate-limit state (migration 010): windows of at most an hour that are worthless in
 * another database and refill by themselves. Neither dumped nor counted when restore checks
 * that its target is empty.
 */
export const TRANSIENT_TABLES: ReadonlySet<string> = new Set([
  'rate_buckets',
  'distinct_members',
  'auth_failures',
])

export interface ColumnInfo {
  name: string
  /** format_type(): what `$1::text::<type>` casts a dumped value back to. */
  type: string
  /** GENERATED ALWAYS AS (...) STORED: computed again on insert, never written. */
  generated: boolean
  /** GENERATED ALWAYS AS IDENTITY: inserting it needs OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean
  notNull: boolean
}

export interface ForeignKey {
  table: string
  columns: string[]
  referencedTable: string
  referencedColumns: string[]
}

export interface TableInfo {
  name: string
  columns: ColumnInfo[]
  primaryKey: string[]
  /** Foreign keys from this table to other tables of the schema (itself included). */
  foreignKeys: ForeignKey[]
}

export interface SequenceInfo {
  name: string
  /** The column a serial/identity sequence belongs to, when it belongs to one. */
  owner: { table: string; column: string } | null
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Every ordinary table of the current schema but extensions' own, by name. */
export async function listTables(db: SqlExecutor): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname::text AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                           AND d.deptype = 'e')
      ORDER BY c.relname`,
  )
  return rows.map((row) => row.name)
}

/** The tables a dump carries: every table but the migrations' own and the transient ones. */
export async function describeDumpedTables(db: SqlExecutor): Promise<TableInfo[]> {
  const names = (await listTables(db)).filter(
    (name) => name !== MIGRATIONS_TABLE && !TRANSIENT_TABLES.has(name),
  )
  const [columns, keys] = await Promise.all([readColumns(db), readKeys(db)])
  return names.map((name) => ({
    name,
    columns: columns.filter((column) => column.table === name),
    primaryKey: keys.find((key) => key.table === name && key.kind === 'p')?.columns ?? [],
    foreignKeys: keys
      .filter((key) => key.table === name && key.kind === 'f' && key.referencedTable)
      .map((key) => ({
        table: name,
        columns: key.columns,
        referencedTable: key.referencedTable as string,
        referencedColumns: key.referencedColumns,
      })),
  }))
}

async function readColumns(db: SqlExecutor): Promise<(ColumnInfo & { table: string })[]> {
  const rows = await db.query<{
    table: string
    name: string
    type: string
    generated: string
    identity: string
    not_null: boolean
  }>(
    `SELECT c.relname::text AS table, a.attname::text AS name,
            format_type(a.atttypid, a.atttypmod) AS type,
            a.attgenerated::text AS generated, a.attidentity::text AS identity,
            a.attnotnull AS not_null
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  )
  return rows.map((row) => ({
    table: row.table,
    name: row.name,
    type: row.type,
    generated: row.generated !== '',
    identityAlways: row.identity === 'a',
    notNull: row.not_null,
  }))
}

interface KeyRow {
  table: string
  kind: 'p' | 'f'
  columns: string[]
  referencedTable: string | null
  referencedColumns: string[]
}

async function readKeys(db: SqlExecutor): Promise<KeyRow[]> {
  // Column names come back as one JSON text: arrays of `name` are not parsed the same way by
  // both drivers, JSON is.
  const rows = await db.query<{
    table: string
    kind: 'p' | 'f'
    columns: string
    referenced_table: string | null
    referenced_columns: string
  }>(
    `SELECT c.relname::text AS table, k.contype::text AS kind,
            (SELECT json_agg(a.attname::text ORDER BY u.i)
               FROM unnest(k.conkey) WITH ORDINALITY u(attnum, i)
               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum)::text
              AS columns,
            r.relname::text AS referenced_table,
            coalesce((SELECT json_agg(a.attname::text ORDER BY u.i)
                        FROM unnest(k.confkey) WITH ORDINALITY u(attnum, i)
                        JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum),
                     '[]'::json)::text AS referenced_columns
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_class r ON r.oid = k.confrelid AND r.relnamespace = c.relnamespace
      WHERE n.nspname = current_schema() AND k.contype IN ('p', 'f')`,
  )
  return rows.map((row) => ({
    table: row.table,
    kind: row.kind,
    columns: JSON.parse(row.columns) as string[],
    referencedTable: row.referenced_table,
    referencedColumns: JSON.parse(row.referenced_columns) as string[],
  }))
}

/** Every sequence of the current schema, with the column it numbers when it numbers one. */
export async function listSequences(db: SqlExecutor): Promise<SequenceInfo[]> {
  const rows = await db.query<{ name: string; table: string | null; column: string | null }>(
    `SELECT s.relname::text AS name, t.relname::text AS table, a.attname::text AS column
       FROM pg_class s
       JOIN pg_namespace n ON n.oid = s.relnamespace
       LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                            AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       LEFT JOIN pg_class t ON t.oid = d.refobjid
       LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE n.nspname = current_schema() AND s.relkind = 'S'
      ORDER BY s.relname`,
  )
  return rows.map((row) => ({
    name: row.name,
    owner: row.table && row.column ? { table: row.table, column: row.column } : null,
  }))
}

/**
 * Tables ordered so that every table comes after the tables its foreign keys point to: rows
 * can then be inserted with every constraint checked as they go. A table's references to
 * itself (a request merged into another) are left to the caller; a cycle between tables
 * cannot be ordered and throws.
 */
export function orderByForeignKeys(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]))
  const ordered: TableInfo[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (table: TableInfo, path: string[]) => {
    const seen = state.get(table.name)
    if (seen === 'done') return
    if (seen === 'visiting')
      throw new Error(`foreign keys form a cycle: ${[...path, table.name].join(' → ')}`)
    state.set(table.name, 'visiting')
    for (const key of table.foreignKeys) {
      const referenced = byName.get(key.referencedTable)
      if (referenced && referenced.name !== table.name) visit(referenced, [...path, table.name])
    }
    state.set(table.name, 'done')
    ordered.push(table)
  }
  for (const table of tables) visit(table, [])
  return ordered
}

/** The foreign keys of a table that point back at the table itself. */
export function selfReferences(table: TableInfo): ForeignKey[] {
  return table.foreignKeys.filter((key) => key.referencedTable === table.name)
}
