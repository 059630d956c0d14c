import type { Clock } from '../clock'

export const AUTH_FAILURE_WINDOW_MS = 15 * 60 * 1000

/**
 * Counts failed sign-ins per key ("email:…", "ip:…"). An interface, so a shared limiter
 * (e.g. the one the admin-token throttling uses, or one backed by the database for several
 * app servers) can replace this in-memory one.
 */
export interface AuthFailureLimiter {
  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string): number
  recordFailure(key: string): void
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

  retryAfterSeconds(key: string): number {
    const recent = this.recent(key)
    if (recent.length <= this.maxFailures) return 0
    const oldestCounted = recent[recent.length - this.maxFailures - 1] as number
    return Math.max(1, Math.ceil((oldestCounted + this.windowMs - this.clock.now()) / 1000))
  }

  recordFailure(key: string): void {
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
