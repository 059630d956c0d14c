import type { Clock } from '../clock'
import type { Db } from '../store/db'
import type { LimitVerdict as SharedVerdict } from './rate-limiter'

/**
 * The same token buckets and distinct-member windows as the in-process limiter, kept in
 * PostgreSQL so N server processes enforce one limit, not N. Each call is one statement (or one
 * short transaction) that PostgreSQL serialises per key with a row or advisory lock.
 */
/** Keys are built with NUL separators, which PostgreSQL text cannot hold; U+001F can. */
const pgKey = (key: string) => key.replaceAll('\u0000', '\u001f')

/** The longest window an auth failure is counted for (spec: 15 minutes). */
const AUTH_WINDOW_MAX_MS = 15 * 60_000

export class PostgresLimits {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Takes one token from `key`'s bucket (at most `limit`, refilling `limit` per window). */
  async hit(key: string, limit: number, windowMs: number): Promise<SharedVerdict> {
    const now = this.clock.now()
    const taken = await this.db.query<{ tokens: number }>(
      `INSERT INTO rate_buckets AS b (key, tokens, updated_ms, window_ms)
       VALUES ($1, $2::float8 - 1, $3, $4)
       ON CONFLICT (key) DO UPDATE
          SET tokens = LEAST($2::float8, b.tokens + GREATEST(0, $3 - b.updated_ms) * $2::float8 / $4) - 1,
              updated_ms = $3,
              window_ms = $4
        WHERE LEAST($2::float8, b.tokens + GREATEST(0, $3 - b.updated_ms) * $2::float8 / $4) >= 1
       RETURNING tokens`,
      [pgKey(key), limit, now, windowMs],
    )
    if (taken.length > 0) return { allowed: true }
    return this.check(key, limit, windowMs)
  }

  /** Gives back one token a hit took, up to `limit` (no row: the bucket is full already). */
  async refund(key: string, limit: number): Promise<void> {
    await this.db.query(
      'UPDATE rate_buckets SET tokens = LEAST($2::float8, tokens + 1) WHERE key = $1',
      [pgKey(key), limit],
    )
  }

  /** Whether a hit would pass, without taking a token (e.g. before checking a password). */
  async check(key: string, limit: number, windowMs: number): Promise<SharedVerdict> {
    const now = this.clock.now()
    const rows = await this.db.query<{ tokens: number }>(
      `SELECT LEAST($2::float8, tokens + GREATEST(0, $3 - updated_ms) * $2::float8 / $4) AS tokens
         FROM rate_buckets WHERE key = $1`,
      [pgKey(key), limit, now, windowMs],
    )
    const tokens = rows[0]?.tokens ?? limit
    if (tokens >= 1) return { allowed: true }
    const refillPerMs = limit / windowMs
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)),
    }
  }

  /**
   * Lets `member` through for `key` when it was already seen in this window or fewer than
   * `limit` were. The advisory lock on the key serialises two processes admitting the
   * twentieth and twenty-first id at the same moment.
   */
  async admit(
    key: string,
    member: string,
    limit: number,
    windowMs: number,
  ): Promise<SharedVerdict> {
    const now = this.clock.now()
    const windowStart = Math.floor(now / windowMs) * windowMs
    const sqlKey = pgKey(key)
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [sqlKey])
      const seen = await tx.query<{ member: string }>(
        `SELECT member FROM distinct_members
          WHERE key = $1 AND window_start_ms = $2 AND member = $3`,
        [sqlKey, windowStart, member],
      )
      if (seen.length > 0) return { allowed: true } as const
      const counted = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM distinct_members WHERE key = $1 AND window_start_ms = $2`,
        [sqlKey, windowStart],
      )
      if ((counted[0]?.n ?? 0) >= limit) {
        const waitMs = windowStart + windowMs - now
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } as const
      }
      await tx.query(
        `INSERT INTO distinct_members (key, window_start_ms, member, window_ms)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [sqlKey, windowStart, member, windowMs],
      )
      return { allowed: true } as const
    })
  }

  /** Drops full buckets and past windows; run now and then (their absence means the same). */
  async sweep(): Promise<void> {
    const now = this.clock.now()
    await this.db.query('DELETE FROM rate_buckets WHERE updated_ms + window_ms < $1', [now])
    await this.db.query('DELETE FROM distinct_members WHERE window_start_ms + window_ms < $1', [
      now,
    ])
    await this.db.query('DELETE FROM auth_failures WHERE at_ms < $1', [now - AUTH_WINDOW_MAX_MS])
  }
}
