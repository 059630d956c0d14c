import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  factsAsStored,
  factsOnBehalf,
  OnBehalfOfSchema,
} from '../../../src/server/identity/on-behalf-facts'
import type { StoredPerson } from '../../../src/server/store/stored-person-facts'

const NOW_MS = Date.UTC(2026, 11, 6, 14, 0, 0)
const NOW_S = NOW_MS / 1000

const STORED: StoredPerson = {
  email: 'ada@example.com',
  name: 'Ada',
  plan: 'business',
  interval: 'year',
  amountCents: 120_000,
  mrrCents: 10_000,
  company: { id: 'acme', name: 'Acme' },
  tokenIat: NOW_S - 3600,
}

const parse = (value: unknown) => v.parse(OnBehalfOfSchema, value)

describe('the facts a call on a customer’s behalf records', () => {
  it('are the claims given, as a token issued now would carry them', () => {
    const facts = factsOnBehalf(
      parse({
        sub: 'crm-1',
        email: 'bo@example.com',
        name: '  Bo  ',
        traits: { plan: 'pro', amount: 1_200, interval: 'year' },
        company: { id: 'globex' },
      }),
      null,
      null,
      NOW_MS,
    )
    expect(facts).toEqual({
      sub: 'crm-1',
      email: 'bo@example.com',
      name: 'Bo',
      plan: 'pro',
      interval: 'year',
      amountCents: 1_200,
      mrrCents: 100,
      iat: NOW_S,
      company: { id: 'globex', name: null },
    })
  })

  it('keep what is stored for every field the call leaves out', () => {
    const facts = factsOnBehalf(parse({ sub: 'crm-ada' }), STORED, null, NOW_MS)
    expect(facts).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada',
      plan: 'business',
      mrrCents: 10_000,
      company: { id: 'acme', name: 'Acme' },
      iat: NOW_S,
    })
  })

  it('clear the email or name the call gives as null', () => {
    const facts = factsOnBehalf(
      parse({ sub: 'crm-ada', email: null, name: null }),
      STORED,
      null,
      NOW_MS,
    )
    expect([facts.email, facts.name]).toEqual([null, null])
  })

  it('take the company’s billing and name when traits and name are left out and the company is known', () => {
    const storedCompany = {
      name: 'Acme Corp',
      plan: 'enterprise',
      interval: 'month' as const,
      amountCents: 90_000,
      mrrCents: 90_000,
    }
    const facts = factsOnBehalf(
      parse({ sub: 'crm-2', company: { id: 'acme' } }),
      null,
      storedCompany,
      NOW_MS,
    )
    expect(facts).toMatchObject({
      plan: 'enterprise',
      mrrCents: 90_000,
      company: { id: 'acme', name: 'Acme Corp' },
    })
  })

  it('stay the newest when the stored facts came from a token issued ahead of our clock', () => {
    const ahead = { ...STORED, tokenIat: NOW_S + 20 }
    // Nothing new: the stored iat, so repeated calls do not creep ahead of the customer's tokens.
    expect(factsOnBehalf(parse({ sub: 'crm-ada' }), ahead, null, NOW_MS).iat).toBe(NOW_S + 20)
    // Something new: one second past it, so it wins over the token of that second.
    const renamed = factsOnBehalf(parse({ sub: 'crm-ada', name: 'Zed' }), ahead, null, NOW_MS)
    expect(renamed.iat).toBe(NOW_S + 21)
    const thisSecond = { ...STORED, tokenIat: NOW_S }
    const lowerRanked = factsOnBehalf(
      parse({ sub: 'crm-ada', email: null }),
      thisSecond,
      null,
      NOW_MS,
    )
    expect(lowerRanked.iat).toBe(NOW_S + 1)
  })

  it('are exactly the stored ones for a vote taken back by sub', () => {
    expect(factsAsStored('crm-ada', STORED)).toEqual({
      sub: 'crm-ada',
      email: 'ada@example.com',
      name: 'Ada',
      plan: 'business',
      interval: 'year',
      amountCents: 120_000,
      mrrCents: 10_000,
      iat: STORED.tokenIat,
      company: { id: 'acme', name: 'Acme' },
    })
  })
})
