import pg from 'pg'
import type { Logger } from '../logger'
import { describeDatabaseError, isDatabaseUnavailable } from './db-errors'

/** The first wait after a failed try; it doubles up to MAX_WAIT_MS. */
const FIRST_WAIT_MS = 250
const MAX_WAIT_MS = 5_000
/** One try never takes longer than this (a host that drops packets instead of refusing). */
const TRY_TIMEOUT_MS = 5_000

/**
 * At start, PostgreSQL may not be there yet: a compose file starts both at once, a PaaS brings
 * the database up after the app. Tries a connection and a `SELECT 1` until one answers or
 * `timeoutSeconds` have passed, one log line per failed try. A refusal that waiting cannot fix
 * (a wrong password, a database that does not exist) ends the wait at once.
 */
export async function waitForDatabase(options: {
  connectionString: string
  timeoutSeconds: number
  logger: Logger
  sleep?: (ms: number) => Promise<void>
}): Promise<void> {
  const { logger, timeoutSeconds } = options
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  const deadline = Date.now() + timeoutSeconds * 1000
  for (let attempt = 1; ; attempt++) {
    const left = deadline - Date.now()
    // At least a second per try, so that REQIO_DB_CONNECT_TIMEOUT_SECONDS=0 means one real try.
    const error = await tryOnce(
      options.connectionString,
      Math.min(TRY_TIMEOUT_MS, Math.max(left, 1_000)),
    )
    if (!error) {
      if (attempt > 1) logger.info(`database: reachable after ${attempt} tries`)
      return
    }
    if (!isDatabaseUnavailable(error)) throw error
    const reason = describeDatabaseError(error)
    const stillLeft = deadline - Date.now()
    if (stillLeft <= 0) {
      throw new Error(
        `database: not reachable after ${timeoutSeconds} s (${reason}); check DATABASE_URL and ` +
          'that PostgreSQL is running and accepting connections ' +
          '(REQIO_DB_CONNECT_TIMEOUT_SECONDS sets how long to wait)',
      )
    }
    const wait = Math.min(FIRST_WAIT_MS * 2 ** (attempt - 1), MAX_WAIT_MS, stillLeft)
    logger.warn(
      `database: not reachable yet (${reason}), try ${attempt}; next try in ${(wait / 1000).toFixed(1)} s`,
    )
    await sleep(wait)
  }
}

async function tryOnce(connectionString: string, timeoutMs: number): Promise<unknown> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
    return null
  } catch (error) {
    return error
  } finally {
    await client.end().catch(() => {})
  }
}
