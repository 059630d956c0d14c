/** The dashboard's people (spec/api.md v3 "People (GDPR)"): who asked, and erasing them. */
import type { AdminComment } from './backlog'
import type { FeedbackRequest } from './requests'
import type { AccountRevenueFacts } from './revenue'

/** One identified person of a project, as their latest token described them. */
/** mrrSource, mrrAsOf and atRisk go with their mrrCents (v3 "The revenue ledger"). */
export interface PersonSummary extends AccountRevenueFacts {
  sub: string
  email: string | null
  name: string | null
  plan: string | null
  /** Their own monthly revenue (their company's, when the token names one). */
  mrrCents: number
  company: { id: string; name: string | null } | null
  /** When a newer token of theirs was last seen (their facts last written). */
  lastSeenAt: string
  /** Requests they wrote (not merged away). */
  requests: number
  votes: number
  comments: number
}

/** `GET /v1/admin/projects/{pid}/people?q=&limit=&cursor=`. */
export interface PeopleListResponse {
  people: PersonSummary[]
  /** The next page's `?cursor=`; null on the last page. */
  nextCursor: string | null
}

/** A request as a person's page lists it: the public shape with its revenue. */
export interface PersonRequest extends FeedbackRequest {
  mrrCents: number
  accounts: number
}

export interface PersonVote {
  requestId: string
  createdAt: string
  /** The request's title now (the dashboard links it). */
  title: string
}

/** What deleting the person takes away (the dashboard's confirmation says it). */
export interface PersonErasurePreview {
  votes: number
  comments: number
  /** Requests whose MRR drops, because they are the last voter of their account there. */
  requestsLosingRevenue: number
  /** The MRR those requests lose, in total. */
  mrrCents: number
}

/** `GET /v1/admin/projects/{pid}/people/{sub}`. */
export interface PersonDetailResponse {
  person: Omit<PersonSummary, 'requests' | 'votes' | 'comments'> & {
    requests: PersonRequest[]
    votes: PersonVote[]
    comments: AdminComment[]
    erasure: PersonErasurePreview
  }
}
