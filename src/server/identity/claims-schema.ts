import * as v from 'valibot'
import { isSingleEmailAddress } from '../../shared/email-address'
import { NAME_MAX_LENGTH } from '../../shared/limits'
import { textProblem } from '../http/clean-text'

/**
 * The largest `amount` we take, in cents: a billion dollars a month or year. Summed over every
 * voter of a request it stays far inside bigint and exact in a JS number for any realistic
 * number of paying voters.
 */
export const MAX_AMOUNT_CENTS = 100_000_000_000

/**
 * A claim stored as text: no NUL and no unpaired surrogate (clean-text.ts), refused with
 * token_claims before anything is stored.
 */
export const CleanString = v.pipe(
  v.string(),
  v.check((value) => textProblem(value) === null, 'must be text without NUL or broken UTF-16'),
)

/** `traits` in an identity token: all three fields, amount in cents as billed. */
export const RevenueTraitsSchema = v.looseObject({
  plan: v.pipe(CleanString, v.maxLength(200)),
  amount: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_AMOUNT_CENTS)),
  interval: v.picklist(['month', 'year']),
})

/** `company` in an identity token: the customer's id for the account, and its display name. */
export const CompanyClaimSchema = v.looseObject({
  id: v.pipe(
    CleanString,
    v.minLength(1),
    v.maxLength(255),
    v.check((id) => id.trim() !== ''),
  ),
  name: v.optional(v.nullable(v.pipe(CleanString, v.maxLength(200)))),
})

/** The optional claims we read beyond what jose checks; email may be null or absent. */
export const OptionalClaimsSchema = v.looseObject({
  /** One bare address: a list, a display name or a line break could add recipients. */
  email: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.check(isSingleEmailAddress, 'must be one address, local@domain, and nothing else'),
      ),
    ),
  ),
  traits: v.optional(RevenueTraitsSchema),
  /** Shown beside the user's comments. */
  name: v.optional(v.nullable(v.pipe(CleanString, v.maxLength(NAME_MAX_LENGTH)))),
  company: v.optional(CompanyClaimSchema),
})

/** `sub`: who the person is, as the customer's own system names them (verify-token.ts checks the same). */
export const SubClaimSchema = v.pipe(
  CleanString,
  v.maxLength(255, 'must be at most 255 characters'),
  v.check((sub) => sub.trim() !== '', 'must not be empty'),
)
