import * as v from 'valibot'
import { NAME_MAX_LENGTH } from '../../shared/limits'

/** `traits` in an identity token: all three fields, amount in cents as billed. */
export const RevenueTraitsSchema = v.looseObject({
  plan: v.pipe(v.string(), v.maxLength(200)),
  amount: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  interval: v.picklist(['month', 'year']),
})

/** `company` in an identity token: the customer's id for the account, and its display name. */
export const CompanyClaimSchema = v.looseObject({
  id: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(255),
    v.check((id) => id.trim() !== ''),
  ),
  name: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200)))),
})

/** The optional claims we read beyond what jose checks; email may be null or absent. */
export const OptionalClaimsSchema = v.looseObject({
  email: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(320)))),
  traits: v.optional(RevenueTraitsSchema),
  /** Shown beside the user's comments. */
  name: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(NAME_MAX_LENGTH)))),
  company: v.optional(CompanyClaimSchema),
})
