import pg from 'pg'
import type { Db, SqlExecutor } from './db'

/** Deadlock and serialization failures: the transaction is safe to run again. */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001'])
const MAX_ATTEMPTS = 4

// BIGINT (int8) comes back as a string by default; our counters and cents fit in a JS number.
pg.types.setTypeParser(20, (value) => Number(value))

export interface PgOptions {
  connectionString: string
  /** Use this schema (created if missing) instead of public: lets test files share one server. */
  schema?: string
  maxConnections?: number
  /** Drop the schema on close (throwaway test schemas). */
  dropSchemaOnClose?: boolean
}

export async function openPgDb(options: PgOptions): Promise<Db> {
  if (options.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema))
      throw new Error('schema must be a plain identifier')
    const setup = new pg.Client({ connectionString: options.connectionString })
    await setup.connect()
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`)
    } finally {
      await setup.end()
    }
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  })
  const asExecutor = (target: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await target.query(sql, params)
      return result.rows as Row[]
    },
    async exec(sql: string) {
      await target.query(sql)
    },
  })
  return {
    kind: 'postgres',
    ...asExecutor(pool),
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect()
        try {
          await client.query('BEGIN')
          const result = await work(asExecutor(client))
          await client.query('COMMIT')
          return result
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {})
          const code = (error as { code?: string }).code
          if (!(code && RETRYABLE_SQLSTATES.has(code) && attempt < MAX_ATTEMPTS)) throw error
        } finally {
          client.release()
        }
      }
    },
    async close() {
      if (options.schema && options.dropSchemaOnClose) {
        await pool.query(`DROP SCHEMA IF EXISTS ${options.schema} CASCADE`).catch(() => {})
      }
      await pool.end()
    },
  }
}
