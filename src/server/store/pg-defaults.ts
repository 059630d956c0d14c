/** PostgreSQL connections per process unless DATABASE_POOL_MAX says otherwise. */
export const DEFAULT_POOL_MAX = 10

/**
 * No single statement of a request or a job should run longer: past it PostgreSQL cancels it
 * (57014) and the connection goes back to the pool, instead of a stuck query holding one of a
 * handful of connections for good. Migrations lift it for their own transaction.
 * REQIO_DB_STATEMENT_TIMEOUT_MS overrides it.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000

/**
 * How long a query waits for a connection (a new one, or a free one from a busy pool) before
 * failing. While the database is away a request then answers 503 within this time, instead
 * of hanging until the client gives up.
 */
export const POOL_CONNECT_TIMEOUT_MS = 5_000
