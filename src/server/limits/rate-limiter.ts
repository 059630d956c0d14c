import type { Clock } from '../clock'
import { LruMap } from './lru-map'

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * Token buckets per key, in this process's memory. `hit(key, limit, windowMs)` takes one token
 * from a bucket that holds at most `limit` and refills `limit` per `windowMs` continuously: a
 * burst of `limit`, then one every windowMs / limit. Every limit in the server (writes, reads,
 * admin-token and login failures) keeps its own keys in one limiter; prefix keys by purpose.
 * Memory is bounded by an LRU over keys, so a flood of new keys evicts the least recently seen
 * ones, never everyone's buckets at once. With several app servers each enforces its own.
 */
export class RateLimiter {
  private readonly buckets: LruMap<{ tokens: number; updatedMs: number }>

  constructor(
    private readonly clock: Clock,
    maxKeys = 100_000,
  ) {
    this.buckets = new LruMap(maxKeys)
  }

  /** Takes one token; when none is left, answers how many seconds until one is back. */
  hit(key: string, limit: number, windowMs: number): LimitVerdict {
    const verdict = this.check(key, limit, windowMs)
    if (verdict.allowed) {
      const bucket = this.refilled(key, limit, windowMs)
      this.buckets.set(key, { tokens: bucket.tokens - 1, updatedMs: bucket.updatedMs })
    }
    return verdict
  }

  /** Gives back one token a hit took, up to `limit`. */
  refund(key: string, limit: number, windowMs: number): void {
    if (!this.buckets.get(key)) return
    const bucket = this.refilled(key, limit, windowMs)
    this.buckets.set(key, {
      tokens: Math.min(limit, bucket.tokens + 1),
      updatedMs: bucket.updatedMs,
    })
  }

  /** Whether `hit` would be allowed, without taking a token (e.g. before checking a password). */
  check(key: string, limit: number, windowMs: number): LimitVerdict {
    const bucket = this.refilled(key, limit, windowMs)
    if (bucket.tokens >= 1) return { allowed: true }
    const refillPerMs = limit / windowMs
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)),
    }
  }

  private refilled(key: string, limit: number, windowMs: number) {
    const now = this.clock.now()
    const bucket = this.buckets.get(key)
    if (!bucket) return { tokens: limit, updatedMs: now }
    // A clock set back (NTP, or a test's frozen clock) must not take tokens away.
    const elapsedMs = Math.max(0, now - bucket.updatedMs)
    const tokens = Math.min(limit, bucket.tokens + (elapsedMs * limit) / windowMs)
    return { tokens, updatedMs: now }
  }
}
