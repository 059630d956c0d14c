/**
 * The tiny adapter both databases sit behind: the embedded PGlite and a real PostgreSQL speak
 * the same SQL, so the rest of store/ is written once against this interface.
 */
export interface SqlExecutor {
  /** One statement with $1.. parameters; rows come back as plain objects. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Db extends SqlExecutor {
  /** Runs `work` in one transaction (READ COMMITTED), committing on success, rolling back on throw. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>
  close(): Promise<void>
  readonly kind: 'pglite' | 'postgres'
}
