import type { Context, MiddlewareHandler } from 'hono'
import type { Clock } from '../clock'
import { ApiError } from '../errors'
import type { AppEnv } from './env'

/**
 * Token buckets per key (IP and person), in memory of this process: with several app servers
 * each enforces its own budget, so the effective limit is per server. Buckets refill
 * continuously at `perMinute` per minute and hold at most `perMinute` tokens.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedMs: number }>()

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token; answers how many seconds to wait when none is left. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.clock.now()
    const refillPerMs = this.perMinute / 60_000
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedMs: now }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedMs) * refillPerMs)
    bucket.updatedMs = now
    if (bucket.tokens < 1) {
      this.remember(key, bucket)
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)),
      }
    }
    bucket.tokens -= 1
    this.remember(key, bucket)
    return { allowed: true }
  }

  private remember(key: string, bucket: { tokens: number; updatedMs: number }): void {
    // Bounded memory: when full, start over rather than grow without limit.
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys) this.buckets.clear()
    this.buckets.set(key, bucket)
  }
}

export function clientIp(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming
  return incoming?.socket?.remoteAddress ?? 'unknown'
}

/** Limits writes per IP and person (the voter key, so anonymous browsers are told apart too). */
export function limitWrites(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'OPTIONS' || c.req.method === 'HEAD')
      return next()
    const who = c.get('actor')?.voter ?? '-'
    const verdict = limiter.take(`${c.get('project').id}\u0000${clientIp(c)}\u0000${who}`)
    if (!verdict.allowed) {
      throw new ApiError(429, 'rate_limited', 'Too many writes; try again shortly.', undefined, {
        'Retry-After': String(verdict.retryAfterSeconds),
      })
    }
    return next()
  }
}
