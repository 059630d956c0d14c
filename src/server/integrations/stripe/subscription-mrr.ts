/**
 * A Stripe subscription's monthly revenue (spec/api.md v3 "The revenue ledger"): the sum over
 * its items of `price.unit_amount × quantity ÷ recurring.interval_count`, per month (`year` ÷ 12,
 * `week` × 52 ÷ 12, `day` × 365 ÷ 12), rounded to the cent once, at the end; 0 when the status
 * says nobody pays any more. Worked in exact fractions so the rounding happens only there.
 */

/** Statuses under which a subscription brings nothing in. */
export const ZERO_MRR_STATUSES: readonly string[] = ['canceled', 'unpaid', 'incomplete_expired']

/** The part of a subscription item the sum reads (Stripe's own field names). */
export interface PricedItem {
  quantity?: number | null
  price?: {
    unit_amount?: number | null
    /** Sub-cent prices: a decimal string of cents, used when unit_amount is null. */
    unit_amount_decimal?: string | null
    recurring?: { interval?: string | null; interval_count?: number | null } | null
  } | null
}

/** Months per interval as a fraction twelfths: a month is 12/12, a week 52/12, a day 365/12. */
const TWELFTHS_PER_MONTH: Record<string, bigint> = { month: 12n, year: 1n, week: 52n, day: 365n }

interface Fraction {
  numerator: bigint
  denominator: bigint
}

export function subscriptionMrrCents(status: string, items: readonly PricedItem[]): number {
  if (ZERO_MRR_STATUSES.includes(status)) return 0
  let total: Fraction = { numerator: 0n, denominator: 1n }
  for (const item of items) {
    const monthly = itemMonthlyCents(item)
    if (monthly) total = add(total, monthly)
  }
  return roundHalfUp(total)
}

/** past_due, or set to cancel at the period's end while it still counts. */
export function subscriptionAtRisk(status: string, cancelAtPeriodEnd: boolean): boolean {
  if (ZERO_MRR_STATUSES.includes(status)) return false
  return status === 'past_due' || cancelAtPeriodEnd
}

/** The item's cents per month, or null for an item that is not a recurring price Reqio reads. */
function itemMonthlyCents(item: PricedItem): Fraction | null {
  const recurring = item.price?.recurring
  const perTwelfth = TWELFTHS_PER_MONTH[recurring?.interval ?? '']
  if (perTwelfth === undefined) return null
  const amount = unitAmount(item.price)
  if (amount === null) return null
  const quantity = BigInt(Math.max(0, Math.trunc(item.quantity ?? 1)))
  const intervalCount = BigInt(Math.max(1, Math.trunc(recurring?.interval_count ?? 1)))
  return {
    numerator: amount.numerator * quantity * perTwelfth,
    denominator: amount.denominator * intervalCount * 12n,
  }
}

function unitAmount(price: PricedItem['price']): Fraction | null {
  if (typeof price?.unit_amount === 'number' && Number.isFinite(price.unit_amount))
    return { numerator: BigInt(Math.trunc(price.unit_amount)), denominator: 1n }
  const decimal = price?.unit_amount_decimal
  if (typeof decimal !== 'string' || !/^\d+(\.\d+)?$/.test(decimal)) return null
  const [whole = '0', fraction = ''] = decimal.split('.')
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) }
}

function add(a: Fraction, b: Fraction): Fraction {
  const numerator = a.numerator * b.denominator + b.numerator * a.denominator
  const denominator = a.denominator * b.denominator
  const divisor = gcd(numerator, denominator)
  return { numerator: numerator / divisor, denominator: denominator / divisor }
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b
  while (y !== 0n) [x, y] = [y, x % y]
  return x === 0n ? 1n : x
}

/** Half a cent and more rounds up (amounts are never negative). */
function roundHalfUp(value: Fraction): number {
  return Number((2n * value.numerator + value.denominator) / (2n * value.denominator))
}
