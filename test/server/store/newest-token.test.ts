import { describe, expect, it } from 'vitest'
import { companyWordOf, isNewerWord, personWordOf } from '../../../src/server/store/newest-token'
import type { PersonFacts } from '../../../src/server/store/types'

const FACTS: PersonFacts = {
  sub: 'ann',
  email: 'ann@example.com',
  name: 'Ann',
  plan: 'pro',
  interval: 'month',
  amountCents: 4_900,
  mrrCents: 4_900,
  iat: 1_000,
  company: { id: 'acme', name: 'Acme' },
}
const facts = (change: Partial<PersonFacts>): PersonFacts => ({ ...FACTS, ...change })
const newerForPerson = (stored: PersonFacts, incoming: PersonFacts) =>
  isNewerWord(personWordOf(stored), personWordOf(incoming))
const newerForCompany = (stored: PersonFacts, incoming: PersonFacts) =>
  isNewerWord(companyWordOf(stored), companyWordOf(incoming))

describe('the newer word about a person or a company', () => {
  it('is the token with the later iat, whatever it says', () => {
    expect(newerForPerson(FACTS, facts({ iat: 1_001, mrrCents: 0 }))).toBe(true)
    expect(newerForPerson(FACTS, facts({ iat: 999, mrrCents: 9_000_000 }))).toBe(false)
  })

  it('is, within one second, the higher MRR, then the higher amount, then the rest as text', () => {
    expect(newerForPerson(FACTS, facts({ mrrCents: 5_000 }))).toBe(true)
    expect(newerForPerson(FACTS, facts({ mrrCents: 100 }))).toBe(false)
    expect(newerForPerson(FACTS, facts({ amountCents: 5_000 }))).toBe(true)
    expect(newerForPerson(FACTS, facts({ plan: 'team' }))).toBe(true)
    // A missing value ranks lowest: a token without email loses to one with it.
    expect(newerForPerson(FACTS, facts({ email: null }))).toBe(false)
    expect(newerForPerson(facts({ email: null }), FACTS)).toBe(true)
  })

  it('is never the same facts again: there is nothing to write', () => {
    expect(newerForPerson(FACTS, facts({}))).toBe(false)
    expect(newerForCompany(FACTS, facts({ email: null, sub: 'bob' }))).toBe(false)
  })

  it('ranks a company by its billing and name, not by who sent the token', () => {
    expect(newerForCompany(FACTS, facts({ sub: 'bob', name: 'Zed' }))).toBe(false)
    expect(newerForCompany(FACTS, facts({ company: { id: 'acme', name: 'Acme Inc' } }))).toBe(true)
  })
})
