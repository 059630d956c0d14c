/** The dashboard's companies (spec/api.md "Companies"): revenue per account. */
import type { FeedbackRequest } from './requests'
import type { AccountRevenueFacts } from './revenue'

/** `GET /v1/admin/projects/{pid}/companies?sort=mrr|requests`. */
export type CompanySort = 'mrr' | 'requests'
/** With its MRR's source, "as of" and risk (v3 "The revenue ledger"). */
export interface CompanySummary extends AccountRevenueFacts {
  id: string
  name: string | null
  plan: string | null
  mrrCents: number
  /** Identified people whose latest token names the company. */
  people: number
  /** Distinct requests (not merged away) its people voted for. */
  requests: number
}
export interface CompanyListResponse {
  companies: CompanySummary[]
  /** The next page's `?cursor=`; null on the last page. */
  nextCursor: string | null
}
/** `GET /v1/admin/projects/{pid}/companies/{cid}`. */
export interface CompanyDetailResponse {
  company: CompanySummary
  people: { sub: string; email: string | null }[]
  /** The requests its people voted for, by revenue. */
  requests: CompanyRequest[]
}
export interface CompanyRequest extends FeedbackRequest {
  mrrCents: number
  accounts: number
  /** How many of the request's voters are this company's people. */
  companyVoters: number
}
