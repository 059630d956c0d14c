import * as v from 'valibot'

/**
 * The largest `amount` we take, in cents: a billion dollars a month or year. Summed over every
 * voter of a request it stays far inside bigint and exact in a JS number for any realistic
 * number of paying voters.
 */
export const MAX_AMOUNT_CENTS = 100_000_000_000

/** PostgreSQL text cannot hold NUL, so a claim carrying one is refused before it is stored. */
export const NoNulString = v.pipe(
  v.string(),
  v.check((value) => !value.includes('\u0000'), 'must not contain NUL characters'),
)

/** `traits` in an identity token: all three fields, amount in cents as billed. */
export const RevenueTraitsSchema = v.looseObject({
  plan: v.pipe(NoNulString, v.maxLength(200)),
  amount: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_AMOUNT_CENTS)),
  interval: v.picklist(['month', 'year']),
})

/** The optional claims we read beyond what jose checks; email may be null or absent. */
export const OptionalClaimsSchema = v.looseObject({
  email: v.optional(v.nullable(v.pipe(NoNulString, v.maxLength(320)))),
  traits: v.optional(RevenueTraitsSchema),
})
