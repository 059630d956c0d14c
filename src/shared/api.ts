/** Shapes that cross the wire between widget, server and dashboard (spec/api.md). */
import type { MarkdownNode } from './markdown-nodes'
import type { Messages } from './messages'

export const REQUEST_STATUSES = ['open', 'planned', 'in_progress', 'done', 'declined'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

/** A feature request as the public API shows it: never emails, traits or revenue. */
export interface FeedbackRequest {
  id: string
  title: string
  body: string
  status: RequestStatus
  /** Distinct people who voted. */
  votes: number
  /** Whether the caller is one of them. */
  voted: boolean
  createdAt: string
  /** Public comments (no internal notes, no hidden ones). */
  commentCount: number
  /** Whether the caller wrote it. */
  mine: boolean
  /** The team's public note on the current status. */
  statusNote: string | null
}

export type CommentKind = 'team' | 'customer' | 'visitor'

/** A comment as the public API shows it (spec/api.md "Comments"): never sub, email or revenue. */
export interface FeedbackComment {
  id: string
  body: string
  createdAt: string
  author: {
    /** The token's `name` claim, the team member's name, or "Customer" / "Visitor". */
    name: string
    kind: CommentKind
    /** Whether the caller wrote it. */
    you: boolean
  }
}

/** `GET /v1/projects/{pid}/requests/{rid}`: the request with its thread, oldest first. */
export interface RequestDetailResponse {
  /**
   * The newest public comments (at most COMMENTS_PAGE_SIZE), oldest first among them;
   * `commentsCursor` fetches the ones before them, null when there are none.
   */
  request: FeedbackRequest & { comments: FeedbackComment[]; commentsCursor: string | null }
}
/** GET …/requests/{rid}/comments?cursor=&limit=: the page before `cursor`, oldest first. */
export interface CommentPageResponse {
  comments: FeedbackComment[]
  nextCursor: string | null
}
export interface CommentResponse {
  comment: FeedbackComment
}
export interface NewCommentBody {
  body: string
}

export type PublicSort = 'top' | 'new'
export type BacklogSort = 'revenue' | 'votes' | 'new'

/** Per-project switches (spec/api.md "Project settings"); neither is private. */
export interface ProjectSettings {
  /** Anonymous votes, submissions and comments answer 401 identity_required. */
  requireIdentity: boolean
  /** Anonymous visitors may comment (identified users always may). */
  allowAnonymousComments: boolean
}

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  requireIdentity: false,
  allowAnonymousComments: false,
}

export interface WidgetProject {
  id: string
  name: string
  settings: ProjectSettings
  /** The widget's strings in the language `?locale=` asked for, when Reqio speaks it. */
  messages?: Messages
  /** When the newest changelog entry was published (absent when none): the launcher's marker. */
  latestChangelogAt?: string | null
}

export interface WidgetProjectResponse {
  project: WidgetProject
}
export interface RequestListResponse {
  requests: FeedbackRequest[]
  /** On the board list (not `similar`): when the newest changelog entry was published; absent when none. */
  latestChangelogAt?: string | null
}

/** Roadmap and changelog (spec/api.md v2). */
export const ROADMAP_LANES = ['planned', 'in_progress', 'done'] as const
export type RoadmapLaneStatus = (typeof ROADMAP_LANES)[number]
export interface RoadmapLane {
  status: RoadmapLaneStatus
  requests: FeedbackRequest[]
}
export interface RoadmapResponse {
  lanes: RoadmapLane[]
}
/** A published entry as anyone may see it. */
export interface PublicChangelogEntry {
  id: string
  title: string
  /** Markdown, as written. */
  body: string
  /** `body` as a safe node tree (src/shared/markdown-nodes.ts): what the widget renders. */
  bodyNodes: MarkdownNode[]
  publishedAt: string
  requests: Array<{ id: string; title: string }>
}
export interface PublicChangelogResponse {
  entries: PublicChangelogEntry[]
}
/** An entry as the dashboard sees it: drafts too (`publishedAt` null). */
export interface ChangelogEntry {
  id: string
  title: string
  body: string
  requestIds: string[]
  publishedAt: string | null
  createdAt: string
  updatedAt: string
  /** The linked requests that still stand, with their status. */
  requests: Array<{ id: string; title: string; status: RequestStatus }>
}
export interface ChangelogEntryBody {
  title?: string
  body?: string
  requestIds?: string[]
  publish?: boolean
}
export interface RequestResponse {
  request: FeedbackRequest
}
export interface IdentifyResponse {
  user: { id: string }
}
export interface NewRequestBody {
  title: string
  body?: string
}

/** Admin API shapes. */
export interface AdminProject {
  id: string
  name: string
  audience: string
  createdAt?: string
  settings: ProjectSettings
}
export interface ProjectPatchBody {
  name?: string
  settings?: Partial<ProjectSettings>
}
export interface AuditLogEntry {
  at: string
  /** The member's email, or 'admin-token'. */
  actor: string
  action: string
  target: string
}
/** A voter's account when it is a company: counted once per request (spec "Companies"). */
export interface VoterCompany {
  id: string
  name: string | null
  /** The company's MRR, which is what it adds to a request, once. */
  mrrCents: number
}
export interface BacklogVoter {
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
}

/** `GET /v1/admin/projects/{pid}/install`: where the widget was seen, and the first steps. */
export interface InstallStatusResponse {
  /** Most recently seen first; first and latest sighting (latest at most a minute stale). */
  origins: Array<{ origin: string; firstSeenAt: string; lastSeenAt: string }>
  progress: {
    installed: boolean
    identityVerified: boolean
    firstRequest: boolean
    firstVote: boolean
  }
}

/**
 * The most rows one `backlog.csv` writes, the first in its order; it answers
 * `Reqio-Export-Truncated: true` when it left rows out (issue 24: any viewer may export, and a
 * spammer decides how many requests a project holds).
 */
export const BACKLOG_EXPORT_MAX_ROWS = 10_000

/** `GET /v1/admin/projects/{pid}/backlog` (and `backlog.csv`) narrowing, all optional. */
export interface BacklogFilter {
  /** Words in the title. */
  q?: string
  status?: RequestStatus
  /** A voter or their company is on this plan. */
  plan?: string
  /** A voter's company id (the customer's `company.id`). */
  company?: string
  /** Submitted by a paying customer. */
  paying?: boolean
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
  /** From the companies work (spec/api.md "Companies"); null until then. */
  company: { id: string; name: string | null } | null
}
export interface AdminComment extends Omit<FeedbackComment, 'author'> {
  author: AdminCommentAuthor
  /** A note only the dashboard sees. */
  internal: boolean
  /** Moderated: gone from every public answer. */
  hidden: boolean
}
/** `GET /v1/admin/projects/{pid}/requests/{rid}`. */
export interface AdminRequestDetail extends BacklogRequest {
  comments: AdminComment[]
}
export interface AdminRequestDetailResponse {
  request: AdminRequestDetail
}
export interface AdminCommentResponse {
  comment: AdminComment
}
export interface NewTeamCommentBody {
  body: string
  internal?: boolean
}

/** `GET /v1/admin/projects/{pid}/companies?sort=mrr|requests`. */
export type CompanySort = 'mrr' | 'requests'
export interface CompanySummary {
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
export interface CreatedProjectResponse {
  project: AdminProject
  secret: string
}
export interface RotatedSecretResponse {
  secret: string
  previousValidUntil: string
}

/**
 * `POST /v1/admin/projects/{id}/token-check` `{token}`: the dashboard's "Check a token".
 * Always 200 for a well-formed call: the verdict is in the body, with the same codes the
 * public API would answer.
 */
export interface TokenCheckRequest {
  token: string
}
export type TokenCheckResponse =
  | {
      valid: true
      claims: {
        sub: string
        email: string | null
        plan: string | null
        interval: 'month' | 'year' | null
        amount: number | null
        mrrCents: number | null
        iat: number
        exp: number
      }
    }
  | { valid: false; error: { code: string; message: string } }
