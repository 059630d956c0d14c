import { containsPattern } from './requests-store'
import { tagCondition } from './tag-filter'

/** Narrowing the backlog: every field optional, all of them must hold. */
export interface BacklogFilter {
  /** Words in the title, matched literally. */
  q?: string
  status?: string
  /** A voter (or their company) is on this plan. */
  plan?: string
  /** A voter's company, by the id the customer's server sends. */
  company?: string
  /** Submitted by a paying customer: an identified author whose account has MRR. */
  paying?: boolean
  /**
   * v3 moderation. true: only the deleted requests; false: only standing ones, and those
   * waiting for approval only when `status` asks for `pending`. Absent: every request (one
   * request read by id, whatever its state).
   */
  deleted?: boolean
  /** Carries this tag (by id). */
  tag?: string
  /** v3 revenue at risk: an at-risk account is among the voters. */
  atRisk?: boolean
}

/**
 * The backlog's `?atRisk=true`: at least one at-risk account among the request's voters (the
 * request_accounts_at_risk partial index holds only those rows).
 */
const AT_RISK_CONDITION = `EXISTS (SELECT 1 FROM request_accounts fra
                                   WHERE fra.request_id = r.id AND fra.at_risk)`

/** The SQL conditions for a filter, numbering their parameters from `firstParam`. */
export function filterConditions(filter: BacklogFilter, firstParam: number) {
  const conditions: string[] = []
  const params: unknown[] = []
  const param = (value: unknown) => {
    params.push(value)
    return `$${firstParam + params.length - 1}`
  }
  if (filter.q) conditions.push(`r.title ILIKE ${param(containsPattern(filter.q))}`)
  if (filter.status) conditions.push(`r.status = ${param(filter.status)}`)
  if (filter.deleted === true) conditions.push('r.deleted_at IS NOT NULL')
  if (filter.deleted === false) {
    conditions.push('r.deleted_at IS NULL')
    if (!filter.status) conditions.push(`r.status <> 'pending'`)
  }
  if (filter.plan) {
    const plan = param(filter.plan)
    conditions.push(`EXISTS (SELECT 1 FROM votes fv JOIN people fp ON fp.id = fv.person_id
                        LEFT JOIN companies fc ON fc.id = fp.company_id
                       WHERE fv.request_id = r.id AND (fp.plan = ${plan} OR fc.plan = ${plan}))`)
  }
  if (filter.company) {
    conditions.push(`EXISTS (SELECT 1 FROM votes fv JOIN people fp ON fp.id = fv.person_id
                        JOIN companies fc ON fc.id = fp.company_id
                       WHERE fv.request_id = r.id AND fc.external_id = ${param(filter.company)})`)
  }
  if (filter.paying) {
    conditions.push(`EXISTS (SELECT 1 FROM people ap LEFT JOIN companies ac ON ac.id = ap.company_id
                       WHERE ap.id = r.author_person_id
                         AND greatest(ap.mrr_cents, coalesce(ac.mrr_cents, 0)) > 0)`)
  }
  if (filter.tag) conditions.push(tagCondition(param(filter.tag)))
  if (filter.atRisk) conditions.push(AT_RISK_CONDITION)
  return { sql: conditions.map((condition) => `AND ${condition}`).join('\n'), params }
}
