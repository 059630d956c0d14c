/**
 * "Rows after this one" in a list's order, for cursor pages: with the order
 * `a DESC, b DESC, c ASC`, the rows after (x, y, z) are
 * `a < x OR (a = x AND (b < y OR (b = y AND c > z)))`. Written out rather than as a row
 * comparison because the directions differ; every column must be NOT NULL and the last one
 * unique, so that ties never repeat or skip a row.
 */
export interface KeysetColumn {
  /** SQL of the column as the ORDER BY names it, e.g. `r.mrr_cents`. */
  sql: string
  descending: boolean
  /** A timestamp travels in the key as PostgreSQL's own text (every microsecond kept). */
  type: 'number' | 'text' | 'timestamp'
}

/** What each part of a key is on the wire: cursors are checked against it (list-cursor.ts). */
export function keyShape(columns: readonly KeysetColumn[]): ('string' | 'number')[] {
  return columns.map((column) => (column.type === 'number' ? 'number' : 'string'))
}

export function keysetAfter(
  columns: readonly KeysetColumn[],
  values: readonly unknown[],
  firstParam: number,
): { sql: string; params: unknown[] } {
  const params = [...values]
  const param = (i: number) => {
    const type = columns[i]?.type
    return `$${firstParam + i}${type === 'timestamp' ? '::timestamptz' : type === 'number' ? '::bigint' : '::text'}`
  }
  let sql = ''
  for (let i = columns.length - 1; i >= 0; i--) {
    const column = columns[i] as KeysetColumn
    const after = `${column.sql} ${column.descending ? '<' : '>'} ${param(i)}`
    sql = sql === '' ? after : `${after} OR (${column.sql} = ${param(i)} AND (${sql}))`
  }
  return { sql: `(${sql})`, params }
}
