import type { PersonSummary } from './people'

/**
 * Feedback on a customer's behalf (spec/api.md v3): the admin API's `onBehalfOf`, the claims
 * an identity token would carry. A field left out keeps what is stored about the person.
 */
export interface OnBehalfOf {
  sub: string
  email?: string | null
  name?: string | null
  traits?: { plan: string; amount: number; interval: 'month' | 'year' }
  company?: { id: string; name?: string | null }
}

/** `POST /v1/admin/projects/{pid}/requests` → `201 {request: BacklogRequest}`. */
export interface NewRequestOnBehalf {
  title: string
  body?: string
  onBehalfOf: OnBehalfOf
}

/** `POST .../requests/{rid}/votes` → `200 {request: BacklogRequest}`. */
export interface VoteOnBehalf {
  onBehalfOf: OnBehalfOf
}

/** `POST .../requests/{rid}/comments` with `onBehalfOf`: a customer comment, not a team reply. */
export interface CommentOnBehalf {
  body: string
  onBehalfOf: OnBehalfOf
}

/**
 * What the dashboard's customer picker reads of `GET .../people?q=&limit=` (spec v3 "People"):
 * enough to tell people apart and to show what their feedback will weigh.
 */
export type PersonMatch = Pick<
  PersonSummary,
  'sub' | 'email' | 'name' | 'plan' | 'mrrCents' | 'company'
>
