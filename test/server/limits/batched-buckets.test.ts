import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import { BatchedBuckets } from '../../../src/server/limits/batched-buckets'
import type { Store } from '../../../src/server/store'
import { truncateAllTables } from '../../../src/server/store/reset'
import { storeBackends } from '../../helpers/backends'

const MINUTE = 60_000
const START = Date.parse('2026-06-01T12:00:00Z')

/** Two BatchedBuckets on one database play two server processes. */
describe.each(storeBackends())(
  'public budgets decided in memory, shared in SQL on $name',
  (backend) => {
    let store: Store
    const clock = frozenClock(START)
    let a: BatchedBuckets
    let b: BatchedBuckets

    beforeAll(async () => {
      store = await backend.open()
    })
    afterAll(async () => {
      await store.close()
    })
    beforeEach(async () => {
      await truncateAllTables(store.db)
      clock.set(START)
      a = new BatchedBuckets(store.db, clock)
      b = new BatchedBuckets(store.db, clock)
    })

    const hits = (buckets: BatchedBuckets, key: string, count: number) =>
      Array.from({ length: count }, () => buckets.hit(key, 10, MINUTE).allowed)

    it('lets one process alone through exactly `limit`, with the wait until a token is back', async () => {
      expect(hits(a, 'read|1.2.3.4', 10)).toEqual(Array(10).fill(true))
      await a.sync()
      expect(a.hit('read|1.2.3.4', 10, MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 6 })
      clock.advance(6_000)
      expect(a.hit('read|1.2.3.4', 10, MINUTE)).toEqual({ allowed: true })
    })

    it('writes what a process spent to PostgreSQL, so a process that starts later knows', async () => {
      hits(a, 'write|1.2.3.4', 7)
      await a.sync()
      const [row] = await store.db.query<{ tokens: number }>(
        'SELECT tokens FROM rate_buckets WHERE key = $1',
        ['write|1.2.3.4'],
      )
      expect(Number(row?.tokens)).toBe(3)
    })

    it('shares one budget between two processes once they have reported', async () => {
      expect(hits(a, 'k', 6)).toEqual(Array(6).fill(true))
      await a.sync()
      expect(b.hit('k', 10, MINUTE).allowed).toBe(true)
      await b.sync()
      // 10 - 6 (a) - 1 (b): b has 3 left, and the fourth is refused.
      expect(hits(b, 'k', 4)).toEqual([true, true, true, false])
    })

    it('makes the processes owe what they let through before hearing of each other', async () => {
      // Both spend the whole budget before either reports: up to twice the limit, once.
      expect(hits(a, 'k', 10)).toEqual(Array(10).fill(true))
      expect(hits(b, 'k', 10)).toEqual(Array(10).fill(true))
      await Promise.all([a.sync(), b.sync()])
      // Each hears the other's spends at its next report (the refused hits are asked about too).
      expect([a.hit('k', 10, MINUTE).allowed, b.hit('k', 10, MINUTE).allowed]).toEqual([
        false,
        false,
      ])
      await Promise.all([a.sync(), b.sync()])
      // The bucket is at -10: a whole window's refill only brings it back to 0 for both.
      clock.advance(MINUTE)
      expect(a.hit('k', 10, MINUTE).allowed).toBe(false)
      expect(b.hit('k', 10, MINUTE).allowed).toBe(false)
      clock.advance(MINUTE)
      expect(a.hit('k', 10, MINUTE).allowed).toBe(true)
    })

    it('reports many keys from two processes at once without a deadlock or a lost spend', async () => {
      const keys = Array.from({ length: 50 }, (_, i) => `ip|10.0.0.${i}`)
      for (const key of keys) a.hit(key, 10, MINUTE)
      for (const key of [...keys].reverse()) b.hit(key, 10, MINUTE)
      await Promise.all([a.sync(), b.sync()])
      const rows = await store.db.query<{ tokens: number }>('SELECT tokens FROM rate_buckets')
      expect(rows.map((row) => Number(row.tokens))).toEqual(Array(50).fill(8))
    })
  },
)
