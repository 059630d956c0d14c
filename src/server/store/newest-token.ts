import type { PersonFacts } from './types'

/**
 * Which token is the newer word about a person or a company (spec/api.md v3 "Order is by
 * `iat`, not by arrival"): the later `iat`. Two different tokens of the same second are ranked
 * by what they say, so the outcome never depends on which arrived first: the higher MRR wins,
 * then the higher amount, then plan, interval and the remaining claims compared as text (by
 * UTF-16 code units), a missing value lowest. Facts equal to the stored ones are never newer:
 * there is nothing to write.
 */
type RankValue = number | string | null

export interface StoredWord {
  iat: number
  rank: readonly RankValue[]
}

export function isNewerWord(stored: StoredWord, incoming: StoredWord): boolean {
  if (incoming.iat !== stored.iat) return incoming.iat > stored.iat
  return compareRanks(incoming.rank, stored.rank) > 0
}

/** What a person's facts are ranked by within one second (the company's name is the company's). */
export function personRank(facts: {
  mrrCents: number
  amountCents: number | null
  plan: string | null
  interval: string | null
  companyId: string | null
  email: string | null
  name: string | null
}): RankValue[] {
  return [
    facts.mrrCents,
    facts.amountCents,
    facts.plan,
    facts.interval,
    facts.companyId,
    facts.email,
    facts.name,
  ]
}

/** What a company's facts are ranked by within one second. */
export function companyRank(facts: {
  mrrCents: number
  amountCents: number | null
  plan: string | null
  interval: string | null
  name: string | null
}): RankValue[] {
  return [facts.mrrCents, facts.amountCents, facts.plan, facts.interval, facts.name]
}

/** A token's facts as the person's word (personRank). */
export function personWordOf(facts: PersonFacts): StoredWord {
  return {
    iat: facts.iat,
    rank: personRank({ ...facts, companyId: facts.company?.id ?? null, name: facts.name ?? null }),
  }
}

/** A token's facts as its company's word (companyRank). */
export function companyWordOf(facts: PersonFacts): StoredWord {
  return { iat: facts.iat, rank: companyRank({ ...facts, name: facts.company?.name ?? null }) }
}

function compareRanks(a: readonly RankValue[], b: readonly RankValue[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const order = compareValues(a[i] ?? null, b[i] ?? null)
    if (order !== 0) return order
  }
  return 0
}

function compareValues(a: RankValue, b: RankValue): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const [x, y] = [String(a), String(b)]
  return x < y ? -1 : x > y ? 1 : 0
}
