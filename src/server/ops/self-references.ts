import type { SqlExecutor } from '../store/db'
import { type ForeignKey, quoteIdent, type TableInfo } from './catalog'
import type { DumpRow } from './dump-format'

const ROWS_PER_UPDATE = 500

/**
 * A table whose rows point at rows of the same table (`requests.merged_into`): a row may come
 * before the one it points at, so restore inserts such rows without the pointer and sets it
 * once every row of the table is in. Needs a primary key and nullable pointer columns, which
 * is what such a key is in Reqio's schema.
 */
export class SelfReferenceFixups {
  private readonly pointerIndexes: number[]
  private readonly keyIndexes: number[]
  private readonly pointerTypes: string[]
  private readonly keyTypes: string[]
  private readonly pointerNames: string[]
  private readonly deferred: { key: (string | null)[]; pointers: (string | null)[] }[] = []

  constructor(
    private readonly tx: SqlExecutor,
    private readonly schema: string,
    private readonly table: TableInfo,
    dumpColumns: string[],
    keys: ForeignKey[],
  ) {
    const columnNamed = (name: string) => {
      const column = table.columns.find((candidate) => candidate.name === name)
      const index = dumpColumns.indexOf(name)
      if (!column || index < 0)
        throw new Error(`${table.name}.${name} is missing from the dump's columns`)
      return { column, index }
    }
    if (table.primaryKey.length === 0)
      throw new Error(`${table.name} references itself but has no primary key to restore by`)
    this.pointerNames = [...new Set(keys.flatMap((key) => key.columns))]
    const pointers = this.pointerNames.map(columnNamed)
    const notNull = pointers.find((pointer) => pointer.column.notNull)
    if (notNull)
      throw new Error(
        `${table.name}.${notNull.column.name} references its own table and is NOT NULL`,
      )
    const primaryKey = table.primaryKey.map(columnNamed)
    this.pointerIndexes = pointers.map((pointer) => pointer.index)
    this.pointerTypes = pointers.map((pointer) => pointer.column.type)
    this.keyIndexes = primaryKey.map((key) => key.index)
    this.keyTypes = primaryKey.map((key) => key.column.type)
  }

  /** The row to insert now: its pointers, if it has any, are remembered and left out. */
  detach(row: DumpRow): DumpRow {
    if (this.pointerIndexes.every((index) => row[index] === null)) return row
    this.deferred.push({
      key: this.keyIndexes.map((index) => row[index] ?? null),
      pointers: this.pointerIndexes.map((index) => row[index] ?? null),
    })
    const detached = [...row]
    for (const index of this.pointerIndexes) detached[index] = null
    return detached
  }

  /** Sets every remembered pointer, now that the rows they point at are in. */
  async apply(): Promise<void> {
    const target = `${quoteIdent(this.schema)}.${quoteIdent(this.table.name)}`
    const keyAliases = this.keyTypes.map((_, i) => `k${i}`)
    const pointerAliases = this.pointerTypes.map((_, i) => `p${i}`)
    const width = keyAliases.length + pointerAliases.length
    const set = this.pointerNames
      .map((name, i) => `${quoteIdent(name)} = v.p${i}::${this.pointerTypes[i]}`)
      .join(', ')
    const match = (this.table.primaryKey as string[])
      .map((name, i) => `t.${quoteIdent(name)} = v.k${i}::${this.keyTypes[i]}`)
      .join(' AND ')
    for (let start = 0; start < this.deferred.length; start += ROWS_PER_UPDATE) {
      const batch = this.deferred.slice(start, start + ROWS_PER_UPDATE)
      const values = batch
        .map(
          (_, r) =>
            `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}::text`).join(', ')})`,
        )
        .join(', ')
      await this.tx.query(
        `UPDATE ${target} AS t SET ${set}
           FROM (VALUES ${values}) AS v (${[...keyAliases, ...pointerAliases].join(', ')})
          WHERE ${match}`,
        batch.flatMap((entry) => [...entry.key, ...entry.pointers]),
      )
    }
  }
}
