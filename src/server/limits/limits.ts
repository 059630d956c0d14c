import type { Clock } from '../clock'
import type { Db } from '../store/db'
import { AdmittedMembers } from './admitted-members'
import { BatchedBuckets, SYNC_EVERY_MS } from './batched-buckets'
import { DistinctCounter } from './distinct-counter'
import { PostgresLimits } from './postgres-limits'
import { type LimitVerdict, RateLimiter } from './rate-limiter'

/**
 * Every rate limit of the server behind one interface (spec/api.md "Abuse limits"): token
 * buckets (`hit`/`check`) and distinct-member windows (`admit`). Two implementations with the
 * same rules: in process memory for the embedded database (one process by nature), and in
 * PostgreSQL, where several server processes must enforce one limit, not one each.
 */
export interface Limits {
  /** Takes one token from `key`'s bucket: a burst of `limit`, refilling `limit` per window. */
  hit(key: string, limit: number, windowMs: number): Promise<LimitVerdict>
  /**
   * `hit` for the busy public budgets (reads, writes per IP and per person): shared across
   * processes within a fraction of a second instead of at once, so it costs no database round
   * trip (limits/batched-buckets.ts). Throttles that must hold exactly use `hit`.
   */
  spend(key: string, limit: number, windowMs: number): Promise<LimitVerdict>
  /** Whether a hit would pass, without taking a token. */
  check(key: string, limit: number, windowMs: number): Promise<LimitVerdict>
  /** Gives back a token a hit took (at most up to `limit`): the attempt turned out not to count. */
  refund(key: string, limit: number, windowMs: number): Promise<void>
  /** Lets `member` through when already seen in this window, or while fewer than `limit` were. */
  admit(key: string, member: string, limit: number, windowMs: number): Promise<LimitVerdict>
  close(): void
}

export function inProcessLimits(clock: Clock): Limits {
  const buckets = new RateLimiter(clock)
  const members = new DistinctCounter(clock)
  return {
    hit: async (key, limit, windowMs) => buckets.hit(key, limit, windowMs),
    spend: async (key, limit, windowMs) => buckets.hit(key, limit, windowMs),
    check: async (key, limit, windowMs) => buckets.check(key, limit, windowMs),
    refund: async (key, limit, windowMs) => buckets.refund(key, limit, windowMs),
    admit: async (key, member, limit, windowMs) => members.admit(key, member, limit, windowMs),
    close() {},
  }
}

const SWEEP_EVERY_MS = 60_000

/**
 * What the server uses: shared in PostgreSQL when the store is, else in memory. On PostgreSQL
 * the public budgets are decided in memory and reconciled every SYNC_EVERY_MS, and a voter
 * already admitted this hour is not asked about again: a public request costs no limit query.
 */
export function limitsFor(db: Db, clock: Clock): Limits {
  if (db.kind !== 'postgres') return inProcessLimits(clock)
  const shared = new PostgresLimits(db, clock)
  const budgets = new BatchedBuckets(db, clock)
  const admitted = new AdmittedMembers()
  // Full buckets and past windows mean the same as no row; drop them now and then.
  const sweeper = setInterval(() => void shared.sweep().catch(() => {}), SWEEP_EVERY_MS)
  // A failed report is kept and sent with the next one.
  const syncer = setInterval(() => void budgets.sync().catch(() => {}), SYNC_EVERY_MS)
  sweeper.unref()
  syncer.unref()
  return {
    hit: (key, limit, windowMs) => shared.hit(key, limit, windowMs),
    spend: async (key, limit, windowMs) => budgets.hit(key, limit, windowMs),
    check: (key, limit, windowMs) => shared.check(key, limit, windowMs),
    refund: (key, limit) => shared.refund(key, limit),
    async admit(key, member, limit, windowMs) {
      if (admitted.has(key, member, windowMs, clock.now())) return { allowed: true }
      const verdict = await shared.admit(key, member, limit, windowMs)
      if (verdict.allowed) admitted.remember(key, member, windowMs, clock.now())
      return verdict
    },
    close() {
      clearInterval(sweeper)
      clearInterval(syncer)
    },
  }
}
