import * as v from 'valibot'
import { monthlyRevenueCents } from '../../shared/identity'
import type { PersonFacts } from '../store'
import type { StoredBilling, StoredPerson } from '../store/stored-person-facts'
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
 * person's own. An explicit `null` email or name clears it, as in a token.
 * `iat` is now, or the stored one when that is later (a token issued a few seconds ahead of our
 * clock), so these facts are the newest and are recorded.
 */
export function factsOnBehalf(
  claims: OnBehalfOf,
  stored: StoredPerson | null,
  companyBilling: StoredBilling | null,
  nowMs: number,
): PersonFacts {
  const company = claims.company
    ? { id: claims.company.id, name: claims.company.name ?? null }
    : (stored?.company ?? null)
  const billing = claims.traits
    ? {
        plan: claims.traits.plan,
        interval: claims.traits.interval,
        amountCents: claims.traits.amount,
        mrrCents: monthlyRevenueCents(claims.traits),
      }
    : (companyBilling ?? storedBilling(stored))
  const name = claims.name === undefined ? (stored?.name ?? null) : claims.name?.trim() || null
  return {
    sub: claims.sub,
    email: claims.email === undefined ? (stored?.email ?? null) : claims.email,
    name,
    ...billing,
    iat: Math.max(Math.floor(nowMs / 1000), stored?.tokenIat ?? 0),
    company,
  }
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
