import { describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { IdentityVerifier } from '../../src/server/identity/identity-verifier'
import { TokenCache } from '../../src/server/identity/token-cache'
import type { ProjectRecord } from '../../src/server/store'
import { DEFAULT_PROJECT_SETTINGS } from '../../src/shared/api'
import { audienceFor } from '../../src/shared/identity'
import { mintToken } from '../helpers/tokens'

const START = Date.parse('2026-03-01T12:00:00Z')

function project(overrides: Partial<ProjectRecord> = {}): ProjectRecord {
  return {
    id: 'p1',
    name: 'P1',
    createdAt: new Date(START).toISOString(),
    secret: 'secret-one',
    secretGeneration: 1,
    previousSecret: null,
    previousValidUntil: null,
    settings: DEFAULT_PROJECT_SETTINGS,
    ...overrides,
  }
}

describe('IdentityVerifier', () => {
  it('verifies a repeated token from the cache, and misses again after the secret generation changes', async () => {
    const clock = frozenClock(START)
    const verifier = new IdentityVerifier({ clock, audienceBase: 'https://reqio.app' })
    const token = await mintToken(
      'secret-one',
      { sub: 'u1', aud: audienceFor('p1') },
      { nowMs: START },
    )
    expect((await verifier.verify(project(), token)).cached).toBe(false)
    expect((await verifier.verify(project(), token)).cached).toBe(true)
    const rotated = project({
      secret: 'secret-two',
      secretGeneration: 2,
      previousSecret: 'secret-one',
      previousValidUntil: START + 60_000,
    })
    const afterRotation = await verifier.verify(rotated, token)
    expect(afterRotation.cached).toBe(false)
    expect(afterRotation.previousValidUntilMs).toBe(START + 60_000)
    clock.advance(60_000)
    await expect(verifier.verify(rotated, token)).rejects.toMatchObject({
      code: 'token_signature',
      status: 401,
    })
  })

  it('reports revenue per month from yearly traits, rounded', async () => {
    const verifier = new IdentityVerifier({
      clock: frozenClock(START),
      audienceBase: 'https://reqio.app',
    })
    const token = await mintToken(
      'secret-one',
      {
        sub: 'u1',
        aud: audienceFor('p1'),
        traits: { plan: 'team', amount: 1000, interval: 'year' },
      },
      { nowMs: START },
    )
    const { facts } = await verifier.verify(project(), token)
    expect(facts).toMatchObject({ plan: 'team', interval: 'year', amountCents: 1000, mrrCents: 83 })
  })
})

describe('TokenCache', () => {
  it('holds at most its size, evicting the oldest entry first', () => {
    const cache = new TokenCache<number>(2)
    cache.set('a', 1, 1000)
    cache.set('b', 2, 1000)
    cache.set('c', 3, 1000)
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)]).toEqual([undefined, 2, 3])
  })

  it('forgets an entry at its expiry time', () => {
    const cache = new TokenCache<number>(10)
    cache.set('a', 1, 1000)
    expect(cache.get('a', 999)).toBe(1)
    expect(cache.get('a', 1000)).toBeUndefined()
  })
})
