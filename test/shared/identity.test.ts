import { describe, expect, it } from 'vitest'
import { audienceFor, monthlyRevenueCents } from '../../src/shared/identity'

describe('identity rules shared by widget and server', () => {
  it('builds the audience URL for a project from the audience base', () => {
    expect(audienceFor('p1')).toBe('https://reqio.app/p/p1')
    expect(audienceFor('p1', 'http://localhost:8787/')).toBe('http://localhost:8787/p/p1')
  })

  it('counts a yearly amount as one twelfth per month, rounded', () => {
    expect(monthlyRevenueCents({ amount: 4900, interval: 'month' })).toBe(4900)
    expect(monthlyRevenueCents({ amount: 120000, interval: 'year' })).toBe(10000)
    expect(monthlyRevenueCents({ amount: 1000, interval: 'year' })).toBe(83)
  })
})
