import pg from 'pg'
import { type Logger, silentLogger } from '../logger'
import type { Db, SqlExecutor } from './db'
import { describeDatabaseError, isDatabaseUnavailable } from './db-errors'
import {
  DEFAULT_POOL_MAX,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  POOL_CONNECT_TIMEOUT_MS,
} from './pg-defaults'

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
  /** Per connection; 0 turns it off. */
  statementTimeoutMs?: number
  /** Drop the schema on close (throwaway test schemas). */
  dropSchemaOnClose?: boolean
  /** Where a connection lost while idle is reported; it must never crash the process. */
  logger?: Logger
}

export async function openPgDb(options: PgOptions): Promise<Db> {
  const logger = options.logger ?? silentLogger
  if (options.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema))
      throw new Error('schema must be a plain identifier')
    const setup = new pg.Client({ connectionString: options.connectionString })
    setup.on('error', () => {})
    await setup.connect()
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`)
    } finally {
      await setup.end()
    }
  }
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS
  if (!Number.isInteger(statementTimeoutMs) || statementTimeoutMs < 0)
    throw new Error('statementTimeoutMs must be a whole number of milliseconds')
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? DEFAULT_POOL_MAX,
    connectionTimeoutMillis: POOL_CONNECT_TIMEOUT_MS,
    // What pg_stat_activity shows for these connections.
    application_name: 'reqio',
    // A peer that vanished without closing (a host gone, a cable pulled) is noticed by TCP
    // keepalive probes starting after 10 s idle, instead of the system's default of hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    // Runs before the pool hands a new connection out, so the SET never overlaps a query.
    async onConnect(client: pg.ClientBase) {
      // A connection checked out between two queries of a transaction that PostgreSQL ends:
      // the next query fails and the transaction answers that failure, not a crash.
      client.on('error', () => {})
      // SETs rather than startup parameters, which PgBouncer would refuse. UTC: timestamps
      // built into JSON read as UTC (store/rows.ts toIso slices them instead of parsing).
      await client.query(`SET statement_timeout = ${statementTimeoutMs}; SET TimeZone = 'UTC'`)
    },
  })
  // Without a listener, a connection PostgreSQL ends while it sits idle in the pool (a restart,
  // pg_terminate_backend) is an unhandled 'error' event that ends the process. The pool drops
  // that connection by itself and opens a new one when a query needs it.
  pool.on('error', (error) => {
    logger.warn(`database: an idle connection was closed (${describeDatabaseError(error)})`)
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
        let began = false
        let broken: Error | undefined
        try {
          await client.query('BEGIN')
          began = true
          const result = await work(asExecutor(client))
          await client.query('COMMIT')
          return result
        } catch (error) {
          if (isDatabaseUnavailable(error)) broken = error as Error
          else await client.query('ROLLBACK').catch(() => {})
          // A pooled connection that died while idle fails at BEGIN, before anything ran:
          // safe to take another one. After BEGIN the outcome of a COMMIT is unknown, so a
          // lost connection is answered as the failure it is.
          if (broken && !began && attempt < MAX_ATTEMPTS) continue
          const code = (error as { code?: string }).code
          if (!(code && RETRYABLE_SQLSTATES.has(code) && attempt < MAX_ATTEMPTS)) throw error
        } finally {
          // With an error the pool closes the connection instead of handing it out again.
          client.release(broken)
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
