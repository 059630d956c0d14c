import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  InMemoryAuthFailureLimiter,
  PostgresAuthFailureLimiter,
} from '../../../src/server/auth/login-throttle'
import { frozenClock } from '../../../src/server/clock'
import { inProcessLimits } from '../../../src/server/limits/limits'
import { PostgresLimits } from '../../../src/server/limits/postgres-limits'
import type { Store } from '../../../src/server/store'
import { truncateAllTables } from '../../../src/server/store/reset'
import { storeBackends } from '../../helpers/backends'

const MINUTE = 60_000
const HOUR = 3_600_000

describe.each(storeBackends())('shared limits in SQL on $name', (backend) => {
  let store: Store
  const clock = frozenClock(Date.parse('2026-06-01T12:00:00Z'))
  let limits: PostgresLimits

  beforeAll(async () => {
    store = await backend.open()
    limits = new PostgresLimits(store.db, clock)
  })
  afterAll(async () => {
    await store.close()
  })
  beforeEach(async () => {
    await truncateAllTables(store.db)
    clock.set(Date.parse('2026-06-01T12:00:00Z'))
  })

  it('lets a burst of `limit` through, refuses the next with the wait until a token is back', async () => {
    const verdicts = []
    for (let i = 0; i < 4; i++) verdicts.push(await limits.hit('write\u00001.2.3.4', 3, MINUTE))
    expect(verdicts.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }])
    expect(verdicts[3]).toEqual({ allowed: false, retryAfterSeconds: 20 })
    clock.advance(20_000)
    expect(await limits.hit('write\u00001.2.3.4', 3, MINUTE)).toEqual({ allowed: true })
    expect(await limits.hit('write:5.6.7.8', 3, MINUTE)).toEqual({ allowed: true })
  })

  it('gives back a token a hit took, never past the limit, as the in-process limiter does', async () => {
    for (const limiter of [limits, inProcessLimits(clock)]) {
      const key = `admin-failure\u0000${Math.random()}`
      await limiter.refund(key, 2, MINUTE)
      expect(await limiter.hit(key, 2, MINUTE)).toEqual({ allowed: true })
      expect(await limiter.hit(key, 2, MINUTE)).toEqual({ allowed: true })
      expect((await limiter.hit(key, 2, MINUTE)).allowed).toBe(false)
      await limiter.refund(key, 2, MINUTE)
      expect(await limiter.hit(key, 2, MINUTE)).toEqual({ allowed: true })
      expect((await limiter.hit(key, 2, MINUTE)).allowed).toBe(false)
    }
  })

  it('counts one budget across concurrent hits (no lost updates)', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 30 }, () => limits.hit('burst', 10, MINUTE)),
    )
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10)
  })

  it('takes no tokens away when the clock is set back', async () => {
    await limits.hit('back', 3, MINUTE)
    clock.set(Date.parse('2026-06-01T11:00:00Z'))
    expect((await limits.hit('back', 3, MINUTE)).allowed).toBe(true)
    expect((await limits.hit('back', 3, MINUTE)).allowed).toBe(true)
  })

  it('check() tells without taking a token', async () => {
    await limits.hit('login:a@example.com', 1, MINUTE)
    expect((await limits.check('login:a@example.com', 1, MINUTE)).allowed).toBe(false)
    expect((await limits.check('login:b@example.com', 1, MINUTE)).allowed).toBe(true)
    expect((await limits.hit('login:b@example.com', 1, MINUTE)).allowed).toBe(true)
  })

  it('admits at most `limit` distinct members per window, always the ones already seen', async () => {
    const admitted = await Promise.all(
      Array.from({ length: 30 }, (_, i) => limits.admit('p1|10.0.0.0', `anon-${i}`, 20, HOUR)),
    )
    expect(admitted.filter((v) => v.allowed)).toHaveLength(20)
    const firstAdmitted = admitted.findIndex((v) => v.allowed)
    expect((await limits.admit('p1|10.0.0.0', `anon-${firstAdmitted}`, 20, HOUR)).allowed).toBe(
      true,
    )
    const refused = await limits.admit('p1|10.0.0.0', 'anon-new', 20, HOUR)
    expect(refused.allowed).toBe(false)
    expect((await limits.admit('p2|10.0.0.0', 'anon-new', 20, HOUR)).allowed).toBe(true)
    clock.advance(HOUR)
    expect((await limits.admit('p1|10.0.0.0', 'anon-new', 20, HOUR)).allowed).toBe(true)
  })

  it('sweeps full buckets and past windows', async () => {
    await limits.hit('k', 5, MINUTE)
    await limits.admit('d', 'm', 5, MINUTE)
    clock.advance(2 * MINUTE)
    await limits.sweep()
    const rows = await store.db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM rate_buckets)::int + (SELECT count(*) FROM distinct_members)::int AS n',
    )
    expect(rows[0]?.n).toBe(0)
  })
})

describe.each(storeBackends().filter((b) => b.name === 'postgres'))(
  'failed sign-ins in SQL on $name',
  (backend) => {
    let store: Store
    const clock = frozenClock(0)
    beforeAll(async () => {
      store = await backend.open()
    })
    afterAll(async () => {
      await store.close()
    })

    it('blocks after more than maxFailures in 15 minutes, as the in-memory limiter does', async () => {
      const shared = new PostgresAuthFailureLimiter(store.db, 2, clock)
      const local = new InMemoryAuthFailureLimiter(2, clock)
      for (const limiter of [shared, local]) {
        clock.set(0)
        await limiter.recordFailure('k')
        clock.advance(5 * 60_000)
        await limiter.recordFailure('k')
        await limiter.recordFailure('k')
        expect(await limiter.retryAfterSeconds('k')).toBe(10 * 60)
        expect(await limiter.retryAfterSeconds('other')).toBe(0)
        clock.advance(10 * 60_000 + 1)
        expect(await limiter.retryAfterSeconds('k')).toBe(0)
      }
    })

    it('counts an attempt before it is checked, refuses past the limit and forgives a right one', async () => {
      const shared = new PostgresAuthFailureLimiter(store.db, 2, clock)
      const local = new InMemoryAuthFailureLimiter(2, clock)
      for (const limiter of [shared, local]) {
        clock.set(0)
        const key = `email:${Math.random()}`
        const right = await limiter.takeAttempt(key)
        expect(right.retryAfterSeconds).toBe(0)
        await right.forgive()
        // Taken together, before any is checked: three pass (two failures, then the one that
        // reaches the limit), the fourth waits.
        const taken = await Promise.all([1, 2, 3, 4].map(() => limiter.takeAttempt(key)))
        expect(taken.filter((attempt) => attempt.retryAfterSeconds > 0)).toHaveLength(1)
        expect(await limiter.retryAfterSeconds(key)).toBe(15 * 60)
      }
    })
  },
)
