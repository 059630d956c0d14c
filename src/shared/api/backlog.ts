/** The dashboard's backlog: requests with their voters' revenue, companies and comments. */
import type { CommentKind, FeedbackComment, FeedbackRequest, ShownStatus } from './requests'
import type { AccountRevenueFacts } from './revenue'

/** v3 `at_risk`: the MRR of at-risk accounts among the voters, then revenue. */
export type BacklogSort = 'revenue' | 'votes' | 'new' | 'at_risk'

/**
 * A voter's account when it is a company: counted once per request (spec "Companies"). Its
 * mrrSource, mrrAsOf and atRisk are the company's (v3 "The revenue ledger").
 */
export interface VoterCompany extends AccountRevenueFacts {
  id: string
  name: string | null
  /** The company's MRR, which is what it adds to a request, once. */
  mrrCents: number
}
/** mrrSource, mrrAsOf and atRisk go with the voter's own mrrCents (their company's: `company`). */
export interface BacklogVoter extends AccountRevenueFacts {
  sub: string
  email: string | null
  plan: string | null
  mrrCents: number
  company: VoterCompany | null
}
export interface BacklogRequest extends FeedbackRequest {
  mrrCents: number
  /** Distinct accounts (companies, or people without one) among the identified voters. */
  accounts: number
  voters: BacklogVoter[]
  /** A customer or visitor commented after the team's last public reply. */
  unanswered: boolean
  /**
   * Who submitted it (spec v2 "Who submitted it"): the identified author, also when they
   * identified after submitting anonymously; null for an anonymous author.
   */
  author: BacklogVoter | null
  /** v3 moderation: when the team deleted it (restorable for 30 days); null when it stands. */
  deletedAt: string | null
  /** v3 revenue at risk: the MRR of the at-risk accounts among its voters. */
  atRiskMrrCents: number
}

/**
 * The most rows one `backlog.csv` writes, the first in its order; it answers
 * `Reqio-Export-Truncated: true` when it left rows out: any viewer may export, and a spammer
 * decides how many requests a project holds.
 */
export const BACKLOG_EXPORT_MAX_ROWS = 10_000

/** `GET /v1/admin/projects/{pid}/backlog` (and `backlog.csv`) narrowing, all optional. */
export interface BacklogFilter {
  /** Words in the title. */
  q?: string
  /** `pending`: the requests waiting for the team's approval (left out otherwise). */
  status?: ShownStatus
  /** A voter or their company is on this plan. */
  plan?: string
  /** A voter's company id (the customer's `company.id`). */
  company?: string
  /** Submitted by a paying customer. */
  paying?: boolean
  /** v3 moderation: the deleted requests (restorable for 30 days) instead of the standing ones. */
  deleted?: boolean
  /** Carries this tag (its id). */
  tag?: string
  /** v3: only requests an at-risk account voted for. */
  atRisk?: boolean
}

/** Who wrote a comment, as the dashboard sees it: the identified commenter's facts too. */
export interface AdminCommentAuthor {
  name: string
  kind: CommentKind
  you: boolean
  sub: string | null
  email: string | null
  plan: string | null
  mrrCents: number | null
  /** The commenter's company, from their latest token (spec/api.md "Companies"). */
  company: { id: string; name: string | null } | null
}
export interface AdminComment extends Omit<FeedbackComment, 'author'> {
  author: AdminCommentAuthor
  /** A note only the dashboard sees. */
  internal: boolean
  /** Moderated: gone from every public answer. */
  hidden: boolean
}
/** A request folded into another, as the target's detail lists it: Unmerge takes it back out. */
export interface MergedRequest {
  id: string
  title: string
  /** The votes it had when it was merged (voters of both count once on the target). */
  votes: number
  mergedAt: string
}
/** `GET /v1/admin/projects/{pid}/requests/{rid}`. */
export interface AdminRequestDetail extends BacklogRequest {
  comments: AdminComment[]
  /** Requests merged into this one that can be unmerged, oldest merge first. */
  mergedRequests: MergedRequest[]
  /** v3: the at-risk accounts among its voters, highest MRR first. */
  atRiskAccounts: AtRiskAccount[]
}
/** An at-risk account (Stripe: past_due or cancelling at the period's end) that asked. */
export interface AtRiskAccount {
  /** A company, or a person without one. */
  kind: 'company' | 'person'
  /** The company's id, or the person's sub, as the customer's server sends them. */
  id: string
  /** The company's name, or the person's name or email; null when none was sent. */
  name: string | null
  mrrCents: number
}
export interface AdminRequestDetailResponse {
  request: AdminRequestDetail
}
export interface AdminCommentResponse {
  comment: AdminComment
}

/** `GET /v1/admin/projects/{pid}/backlog?…&limit=&cursor=`: one page in the chosen order. */
export interface BacklogListResponse {
  requests: BacklogRequest[]
  /** The next page's `?cursor=`; null on the last page. */
  nextCursor: string | null
}
