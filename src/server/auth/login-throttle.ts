import type { Clock } from '../clock'
import type { Db, SqlExecutor } from '../store/db'

export const AUTH_FAILURE_WINDOW_MS = 15 * 60 * 1000

/**
 * Counts failed sign-ins per key ("email:…", "ip:…"): in memory for the embedded database, in
 * PostgreSQL when several server processes share one (the same rule in both).
 */
export interface AuthFailureLimiter {
  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string): Promise<number>
  recordFailure(key: string): Promise<void>
  /**
   * When `key` may try now, counts this attempt as a failure before the secret is checked, in
   * one step: concurrent attempts (or processes) cannot all pass a check made before any of
   * them failed. The caller forgives the attempt when the secret was right.
   */
  takeAttempt(key: string): Promise<SignInAttempt>
}

export interface SignInAttempt {
  /** 0 when the attempt may go ahead; else the seconds to wait (nothing was counted). */
  retryAfterSeconds: number
  /** The secret was right: this attempt no longer counts as a failure. */
  forgive(): Promise<void>
}

const NOTHING_TO_FORGIVE = async () => {}

/** One attempt under several keys (the IP and the email): refused if any key is throttled. */
export async function takeSignInAttempt(
  limiter: AuthFailureLimiter,
  keys: string[],
): Promise<SignInAttempt> {
  const taken = await Promise.all(keys.map((key) => limiter.takeAttempt(key)))
  const forgive = async () => {
    await Promise.all(taken.map((attempt) => attempt.forgive()))
  }
  const retryAfterSeconds = Math.max(0, ...taken.map((attempt) => attempt.retryAfterSeconds))
  if (retryAfterSeconds > 0) {
    // Refused before checking anything: the other keys' counts are given back.
    await forgive()
    return { retryAfterSeconds, forgive: NOTHING_TO_FORGIVE }
  }
  return { retryAfterSeconds: 0, forgive }
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

  async retryAfterSeconds(key: string, executor: SqlExecutor = this.db): Promise<number> {
    const now = this.clock.now()
    const [blocking] = await executor.query<{ at_ms: number }>(
      `SELECT at_ms FROM auth_failures WHERE key = $1 AND at_ms > $2
        ORDER BY at_ms DESC LIMIT 1 OFFSET $3`,
      [key, now - this.windowMs, this.maxFailures],
    )
    if (!blocking) return 0
    return Math.max(1, Math.ceil((Number(blocking.at_ms) + this.windowMs - now) / 1000))
  }

  async takeAttempt(key: string): Promise<SignInAttempt> {
    const at = this.clock.now()
    // The advisory lock serialises the check and the insert per key across processes.
    const retryAfterSeconds = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`auth-failure:${key}`])
      const wait = await this.retryAfterSeconds(key, tx)
      if (wait === 0)
        await tx.query('INSERT INTO auth_failures (key, at_ms) VALUES ($1, $2)', [key, at])
      return wait
    })
    if (retryAfterSeconds > 0) return { retryAfterSeconds, forgive: NOTHING_TO_FORGIVE }
    const forgive = async () => {
      await this.db.query(
        `DELETE FROM auth_failures
          WHERE ctid = (SELECT ctid FROM auth_failures WHERE key = $1 AND at_ms = $2 LIMIT 1)`,
        [key, at],
      )
    }
    return { retryAfterSeconds: 0, forgive }
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
    return this.waitFor(key)
  }

  async takeAttempt(key: string): Promise<SignInAttempt> {
    // Synchronous from the check to the count, so no other attempt of this process runs between.
    const retryAfterSeconds = this.waitFor(key)
    if (retryAfterSeconds > 0) return { retryAfterSeconds, forgive: NOTHING_TO_FORGIVE }
    const at = this.clock.now()
    this.record(key, at)
    const forgive = async () => {
      const times = this.failures.get(key)
      const index = times?.indexOf(at) ?? -1
      if (times && index >= 0) times.splice(index, 1)
    }
    return { retryAfterSeconds: 0, forgive }
  }

  private waitFor(key: string): number {
    const recent = this.recent(key)
    if (recent.length <= this.maxFailures) return 0
    const oldestCounted = recent[recent.length - this.maxFailures - 1] as number
    return Math.max(1, Math.ceil((oldestCounted + this.windowMs - this.clock.now()) / 1000))
  }

  async recordFailure(key: string): Promise<void> {
    this.record(key, this.clock.now())
  }

  private record(key: string, at: number): void {
    const recent = this.recent(key)
    recent.push(at)
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
