import type { Clock } from '../clock'
import type { Db } from '../store/db'

export const AUTH_FAILURE_WINDOW_MS = 15 * 60 * 1000

/**
 * Counts failed sign-ins per key ("email:…", "ip:…"): in memory for the embedded database, in
 * PostgreSQL when several server processes share one (the same rule in both).
 */
export interface AuthFailureLimiter {
  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string): Promise<number>
  recordFailure(key: string): Promise<void>
}

export function authFailureLimiterFor(
  db: Db,
  maxFailures: number,
  clock: Clock,
): AuthFailureLimiter {
  return db.kind === 'postgres'
    ? new PostgresAuthFailureLimiter(db, maxFailures, clock)
    : new InMemoryAuthFailureLimiter(maxFailures, clock)
}

/** The same sliding window in a table: the (maxFailures + 1)th latest failure decides. */
export class PostgresAuthFailureLimiter implements AuthFailureLimiter {
  constructor(
    private readonly db: Db,
    private readonly maxFailures: number,
    private readonly clock: Clock,
    private readonly windowMs = AUTH_FAILURE_WINDOW_MS,
  ) {}

  async retryAfterSeconds(key: string): Promise<number> {
    const now = this.clock.now()
    const [blocking] = await this.db.query<{ at_ms: number }>(
      `SELECT at_ms FROM auth_failures WHERE key = $1 AND at_ms > $2
        ORDER BY at_ms DESC LIMIT 1 OFFSET $3`,
      [key, now - this.windowMs, this.maxFailures],
    )
    if (!blocking) return 0
    return Math.max(1, Math.ceil((Number(blocking.at_ms) + this.windowMs - now) / 1000))
  }

  async recordFailure(key: string): Promise<void> {
    await this.db.query('INSERT INTO auth_failures (key, at_ms) VALUES ($1, $2)', [
      key,
      this.clock.now(),
    ])
  }
}

/**
 * More than `maxFailures` failures within 15 minutes blocks the key until the oldest of them
 * leaves the window. Memory is bounded: each key keeps at most maxFailures + 1 times, and past
 * `maxKeys` keys the oldest key is dropped.
 */
export class InMemoryAuthFailureLimiter implements AuthFailureLimiter {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly maxFailures: number,
    private readonly clock: Clock,
    private readonly windowMs = AUTH_FAILURE_WINDOW_MS,
    private readonly maxKeys = 50_000,
  ) {}

  async retryAfterSeconds(key: string): Promise<number> {
    const recent = this.recent(key)
    if (recent.length <= this.maxFailures) return 0
    const oldestCounted = recent[recent.length - this.maxFailures - 1] as number
    return Math.max(1, Math.ceil((oldestCounted + this.windowMs - this.clock.now()) / 1000))
  }

  async recordFailure(key: string): Promise<void> {
    const recent = this.recent(key)
    recent.push(this.clock.now())
    if (recent.length > this.maxFailures + 1) recent.splice(0, recent.length - this.maxFailures - 1)
    this.failures.delete(key)
    if (this.failures.size >= this.maxKeys) {
      const oldest = this.failures.keys().next().value
      if (oldest !== undefined) this.failures.delete(oldest)
    }
    this.failures.set(key, recent)
  }

  private recent(key: string): number[] {
    const cutoff = this.clock.now() - this.windowMs
    const times = (this.failures.get(key) ?? []).filter((at) => at > cutoff)
    if (times.length === 0) this.failures.delete(key)
    return times
  }
}
