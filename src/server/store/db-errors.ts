/**
 * Which failures mean "the database is away" (stopped, restarting, unreachable, or it dropped
 * our connection) rather than "this query is wrong". The first kind is answered
 * `503 unavailable` with Retry-After and is retried at start; the second stays a 500 with its
 * stack in the log. One list, used by the HTTP error handler, the pool and the start-up wait.
 */

/** Socket-level failures from Node: nothing reached PostgreSQL, or the connection broke. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/**
 * SQLSTATEs of a server going or not yet there: 57P01 admin_shutdown (pg_terminate_backend,
 * `pg_ctl stop -m fast`), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, in
 * recovery, shutting down), 53300 too_many_connections. Class 08 (connection exceptions) is
 * matched by prefix.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])

/** What node-postgres says when the socket goes or the pool cannot get one in time. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not queryable/,
]

/** Walks `cause` too: a failure may come wrapped by whoever called the store. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false
    const { code, message, cause, errors } = current as {
      code?: unknown
      message?: unknown
      cause?: unknown
      /** AggregateError: Node tried every address of a host name. */
      errors?: unknown
    }
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true
    if (typeof code === 'string') {
      if (NETWORK_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true
      if (/^08[0-9A-Z]{3}$/.test(code)) return true
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message)))
      return true
    current = cause
  }
  return false
}

/**
 * A short, log-safe reason: the code and node-postgres' message, which names host and port at
 * most, never the connection string (and so never its password).
 */
export function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && !error.message.includes(code)
    ? `${code}: ${error.message}`
    : error.message
}
