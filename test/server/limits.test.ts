import { describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { BoundedTtlCache } from '../../src/server/http/bounded-ttl-cache'
import { clientNetwork } from '../../src/server/limits/client-network'
import { RateLimiter } from '../../src/server/limits/rate-limiter'

describe('the rate limiter', () => {
  it('allows a burst of limit, then one more every windowMs / limit', () => {
    const clock = frozenClock(0)
    const limiter = new RateLimiter(clock)
    const hits = Array.from({ length: 4 }, () => limiter.hit('k', 3, 60_000).allowed)
    expect(hits).toEqual([true, true, true, false])
    expect(limiter.hit('k', 3, 60_000)).toEqual({ allowed: false, retryAfterSeconds: 20 })
    clock.advance(20_000)
    expect(limiter.hit('k', 3, 60_000).allowed).toBe(true)
  })

  it('keeps a busy key limited while a flood of new keys evicts only the least recently used', () => {
    const limiter = new RateLimiter(frozenClock(0), 100)
    for (let i = 0; i < 3; i++) limiter.hit('attacker-ip', 3, 60_000)
    for (let i = 0; i < 1_000; i++) {
      limiter.hit(`fresh-${i}`, 3, 60_000)
      // The attacker keeps writing, so its bucket stays young and stays empty.
      expect(limiter.hit('attacker-ip', 3, 60_000).allowed).toBe(false)
    }
  })

  it('takes no tokens away when the clock is set back', () => {
    const clock = frozenClock(1_000_000)
    const limiter = new RateLimiter(clock)
    expect(limiter.hit('k', 3, 60_000).allowed).toBe(true)
    clock.set(0)
    expect([1, 2].map(() => limiter.hit('k', 3, 60_000).allowed)).toEqual([true, true])
  })

  it('checks without taking a token', () => {
    const limiter = new RateLimiter(frozenClock(0))
    limiter.hit('k', 1, 1000)
    expect(limiter.check('k', 1, 1000).allowed).toBe(false)
    expect(limiter.check('other', 1, 1000).allowed).toBe(true)
    expect(limiter.hit('other', 1, 1000).allowed).toBe(true)
  })
})

describe('client networks', () => {
  it('groups IPv6 addresses by /64 and keeps IPv4 (also IPv4-mapped) addresses whole', () => {
    expect(clientNetwork('2001:db8:1:2:aaaa::1')).toBe(clientNetwork('2001:db8:1:2:ffff:1:2:3'))
    expect(clientNetwork('2001:db8:1:2::1')).not.toBe(clientNetwork('2001:db8:1:3::1'))
    expect(clientNetwork('::ffff:10.0.0.1')).toBe('10.0.0.1')
    expect(clientNetwork('10.0.0.1')).not.toBe(clientNetwork('10.0.0.2'))
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64')
  })
})

describe('the byte-bounded cache', () => {
  it('never holds more than its byte budget, dropping the least recently used first', () => {
    const cache = new BoundedTtlCache<string>(frozenClock(0), {
      ttlMs: 1000,
      maxBytes: 10_000,
      sizeOf: (value) => value.length * 2,
    })
    for (let i = 0; i < 1_000; i++) cache.set(`k${i}`, 'x'.repeat(500))
    expect(cache.bytes).toBeLessThanOrEqual(10_000)
    expect(cache.get('k999')).toBeDefined()
    expect(cache.get('k0')).toBeUndefined()
  })

  it('sweeps expired entries on the next write, not only when they are read', () => {
    const clock = frozenClock(0)
    const cache = new BoundedTtlCache<string>(clock, {
      ttlMs: 1000,
      maxBytes: 1_000_000,
      sizeOf: (value) => value.length * 2,
    })
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, 'x'.repeat(100))
    clock.advance(1001)
    cache.set('fresh', 'y')
    expect(cache.bytes).toBeLessThan(100)
  })
})
