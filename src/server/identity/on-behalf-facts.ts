import * as v from 'valibot'
import { monthlyRevenueCents } from '../../shared/identity'
import type { PersonFacts } from '../store'
import { isNewerWord, personWordOf } from '../store/newest-token'
import type { StoredBilling, StoredCompany, StoredPerson } from '../store/stored-person-facts'
import { OptionalClaimsSchema, SubClaimSchema } from './claims-schema'

/**
 * `onBehalfOf` on the admin API (spec v3 "feedback on a customer's behalf"): the claims an
 * identity token would carry, checked by the very schemas that check a token's, so a field a
 * token could not carry is refused here too (400 validation_failed naming
 * `onBehalfOf.traits.amount`…).
 */
export const OnBehalfOfSchema = v.object(
  { sub: SubClaimSchema, ...OptionalClaimsSchema.entries },
  'onBehalfOf must be an object: {sub, email?, name?, traits?, company?}',
)

export type OnBehalfOf = v.InferOutput<typeof OnBehalfOfSchema>

/**
 * The person's facts "as of now", as a token issued now with these claims would give them, with
 * one difference made for people who type them in: a field the call leaves out keeps what is
 * stored (a salesperson who knows the email should not wipe the customer's revenue). Left-out
 * `traits` take the billing of the person's company when it is known (a company's billing is
 * its people's latest token's: a colleague filed without traits must not zero it), else the
 * person's own; a company named without its `name` keeps the stored name. An explicit `null`
 * email or name clears it, as in a token.
 * `iat` is now; when the stored facts are of this very second or later (a token issued a few
 * seconds ahead of our clock), it is theirs, plus one second if these facts differ, so they are
 * the newest (newest-token.ts) and are recorded, while repeated calls do not creep ahead.
 */
export function factsOnBehalf(
  claims: OnBehalfOf,
  stored: StoredPerson | null,
  storedCompany: StoredCompany | null,
  nowMs: number,
): PersonFacts {
  const company = claims.company
    ? {
        id: claims.company.id,
        name:
          claims.company.name === undefined ? (storedCompany?.name ?? null) : claims.company.name,
      }
    : (stored?.company ?? null)
  const billing = claims.traits
    ? {
        plan: claims.traits.plan,
        interval: claims.traits.interval,
        amountCents: claims.traits.amount,
        mrrCents: monthlyRevenueCents(claims.traits),
      }
    : storedBilling(storedCompany ?? stored)
  const name = claims.name === undefined ? (stored?.name ?? null) : claims.name?.trim() || null
  const facts: PersonFacts = {
    sub: claims.sub,
    email: claims.email === undefined ? (stored?.email ?? null) : claims.email,
    name,
    ...billing,
    iat: Math.floor(nowMs / 1000),
    company,
  }
  if (stored && stored.tokenIat >= facts.iat) {
    const before = personWordOf(factsAsStored(claims.sub, stored))
    const after = { ...personWordOf(facts), iat: stored.tokenIat }
    const differs = isNewerWord(before, after) || isNewerWord(after, before)
    facts.iat = differs ? stored.tokenIat + 1 : stored.tokenIat
  }
  return facts
}

/**
 * The facts exactly as stored, for a write that names the person by `sub` alone (a vote taken
 * back): recording them again changes nothing.
 */
export function factsAsStored(sub: string, stored: StoredPerson): PersonFacts {
  return {
    sub,
    email: stored.email,
    name: stored.name,
    ...storedBilling(stored),
    iat: stored.tokenIat,
    company: stored.company,
  }
}

function storedBilling(stored: StoredBilling | null): StoredBilling {
  return stored
    ? {
        plan: stored.plan,
        interval: stored.interval,
        amountCents: stored.amountCents,
        mrrCents: stored.mrrCents,
      }
    : { plan: null, interval: null, amountCents: null, mrrCents: 0 }
}
