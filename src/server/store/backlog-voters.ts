import type { BacklogVoter } from '../../shared/api'
import { toRevenueFacts } from './revenue-facts'

/**
 * A backlog voter (or author) as SQL hands it over: one JSON array of these columns, in this
 * order, from a people row `p` and its company `c`. Arrays rather than objects: a page carries
 * up to 1,000 voters, and naming every field of every one cost PostgreSQL a third of the page's
 * time and Node as much again to read (docs/benchmarks.md, "The revenue ledger").
 */
const VOTER_TUPLE = [
  'sub',
  'email',
  'plan',
  'mrr_cents',
  'mrr_source',
  'mrr_as_of',
  'at_risk',
  'c.external_id',
  'c.name',
  'c.mrr_cents',
  'c.mrr_source',
  'c.mrr_as_of',
  'c.at_risk',
] as const

type VoterTuple = [
  sub: string,
  email: string | null,
  plan: string | null,
  mrrCents: number | string,
  mrrSource: string,
  mrrAsOf: string,
  atRisk: boolean,
  companyId: string | null,
  companyName: string | null,
  companyMrrCents: number | string | null,
  companyMrrSource: string | null,
  companyMrrAsOf: string | null,
  companyAtRisk: boolean | null,
]

/**
 * SQL: the voter tuple of person `person` in company `company` (LEFT JOINed: its columns may be
 * null). `mrrCents` is the person's MRR as the list shows it (a vote's voter_mrr_cents).
 */
export function voterTupleSql(person: string, company: string, mrrCents: string): string {
  return `json_build_array(${VOTER_TUPLE.map((column) => {
    if (column === 'mrr_cents') return mrrCents
    return column.startsWith('c.') ? `${company}.${column.slice(2)}` : `${person}.${column}`
  }).join(', ')})`
}

/** A voter tuple read back. */
export function toBacklogVoter(tuple: VoterTuple): BacklogVoter {
  const [sub, email, plan, mrrCents, mrrSource, mrrAsOf, atRisk, companyId] = tuple
  return {
    sub,
    email,
    plan,
    mrrCents: Number(mrrCents),
    ...toRevenueFacts({ mrr_source: mrrSource, mrr_as_of: mrrAsOf, at_risk: atRisk }),
    company:
      companyId === null
        ? null
        : {
            id: companyId,
            name: tuple[8],
            mrrCents: Number(tuple[9]),
            ...toRevenueFacts({
              mrr_source: tuple[10] as string,
              mrr_as_of: tuple[11] as string,
              at_risk: tuple[12] === true,
            }),
          },
  }
}

export type { VoterTuple }
