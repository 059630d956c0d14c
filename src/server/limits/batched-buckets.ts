import type { Clock } from '../clock'
import type { Db } from '../store/db'
import { LruMap } from './lru-map'
import type { LimitVerdict } from './rate-limiter'

/** How often a process reports its spends and learns what the others spent. */
export const SYNC_EVERY_MS = 200

/** Keys are built with NUL separators, which PostgreSQL text cannot hold; U+001F can. */
const pgKey = (key: string) => key.replaceAll('\u0000', '\u001f')

interface Bucket {
  limit: number
  windowMs: number
  /** This process's view: the shared level at the last sync, refilled, minus its spends since. */
  tokens: number
  updatedMs: number
  /** Tokens spent here that PostgreSQL has not been told about yet. */
  unsynced: number
  /** Asked about since the last sync: its level is fetched again even when nothing was spent. */
  asked: boolean
}

/**
 * The public per-IP and per-person budgets on PostgreSQL, shared by every process without a
 * database round trip per request: each process decides in memory against the last
 * shared level it knows, and every SYNC_EVERY_MS reports what it spent, for every key in one
 * statement, getting back what all processes together have left. One process alone is as exact
 * as the in-memory limiter (give or take one interval's refill near a full bucket); with several,
 * a client may get up to one interval's worth of requests more from each process before they
 * hear of each other, and that excess is owed: a bucket goes down to -limit and refills from there.
 * Unknown keys start full. Sign-in and admin-token throttles do not use this (they stay exact).
 */
export class BatchedBuckets {
  private readonly buckets: LruMap<Bucket>
  private syncing: Promise<void> | null = null

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    maxKeys = 100_000,
  ) {
    this.buckets = new LruMap(maxKeys)
  }

  hit(key: string, limit: number, windowMs: number): LimitVerdict {
    const bucket = this.refilled(key, limit, windowMs)
    bucket.asked = true
    if (bucket.tokens < 1) {
      const refillPerMs = limit / windowMs
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)),
      }
    }
    bucket.tokens -= 1
    bucket.unsynced += 1
    return { allowed: true }
  }

  /**
   * Reports the spends of every key asked about since the last sync in one statement, and takes
   * in the shared levels it answers (keys nobody asked about keep their last level).
   */
  sync(): Promise<void> {
    this.syncing ??= this.report().finally(() => {
      this.syncing = null
    })
    return this.syncing
  }

  private async report(): Promise<void> {
    const spends = [...this.buckets.entries()]
      .filter(([, bucket]) => bucket.asked || bucket.unsynced > 0)
      .map(([key, bucket]) => ({ key, bucket, spent: bucket.unsynced }))
    if (spends.length === 0) return
    for (const spend of spends) {
      spend.bucket.unsynced = 0
      spend.bucket.asked = false
    }
    const now = this.clock.now()
    let rows: { key: string; tokens: number }[]
    try {
      rows = await this.db.query<{ key: string; tokens: number }>(
        // Sorted by key: two processes reporting the same keys lock their rows in one order.
        `INSERT INTO rate_buckets AS b (key, tokens, updated_ms, window_ms, capacity)
         SELECT s.key, s.capacity - s.spent, $5, s.window_ms, s.capacity
           FROM unnest($1::text[], $2::float8[], $3::float8[], $4::bigint[])
                AS s(key, spent, capacity, window_ms)
          ORDER BY s.key
         ON CONFLICT (key) DO UPDATE
            SET tokens = GREATEST(-EXCLUDED.capacity,
                  LEAST(EXCLUDED.capacity,
                        b.tokens + GREATEST(0, EXCLUDED.updated_ms - b.updated_ms)
                                   * EXCLUDED.capacity / EXCLUDED.window_ms)
                  - (EXCLUDED.capacity - EXCLUDED.tokens)),
                updated_ms = EXCLUDED.updated_ms,
                window_ms = EXCLUDED.window_ms,
                capacity = EXCLUDED.capacity
         RETURNING key, tokens`,
        [
          spends.map((s) => pgKey(s.key)),
          spends.map((s) => s.spent),
          spends.map((s) => s.bucket.limit),
          spends.map((s) => s.bucket.windowMs),
          now,
        ],
      )
    } catch (error) {
      // Told next time instead; until then this process goes on deciding alone.
      for (const spend of spends) spend.bucket.unsynced += spend.spent
      throw error
    }
    const shared = new Map(rows.map((row) => [row.key, Number(row.tokens)]))
    const later = this.clock.now()
    for (const { key, bucket } of spends) {
      const level = shared.get(pgKey(key))
      if (level === undefined) continue
      // Refilled to now, less what this process spent while the statement ran.
      const refill = (Math.max(0, later - now) * bucket.limit) / bucket.windowMs
      bucket.tokens = Math.min(bucket.limit, level + refill) - bucket.unsynced
      bucket.updatedMs = later
    }
  }

  private refilled(key: string, limit: number, windowMs: number): Bucket {
    const now = this.clock.now()
    let bucket = this.buckets.get(key)
    if (!bucket || bucket.limit !== limit || bucket.windowMs !== windowMs) {
      bucket = {
        limit,
        windowMs,
        tokens: limit,
        updatedMs: now,
        unsynced: bucket?.unsynced ?? 0,
        asked: false,
      }
      this.buckets.set(key, bucket)
      return bucket
    }
    // A clock set back (NTP, or a test's frozen clock) must not take tokens away.
    const elapsedMs = Math.max(0, now - bucket.updatedMs)
    bucket.tokens = Math.min(limit, bucket.tokens + (elapsedMs * limit) / windowMs)
    bucket.updatedMs = Math.max(bucket.updatedMs, now)
    return bucket
  }
}
