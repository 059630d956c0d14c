/**
 * The widget's public surface (`window.Reqio`) and the contract between the widget core
 * (config, identity, API client, events) and its UI (src/widget/ui).
 */
import type {
  AttachmentResponse,
  CommentPageResponse,
  CommentResponse,
  FeedbackRequest,
  FollowResponse,
  IdentifyResponse,
  NewRequestBody,
  PublicChangelogResponse,
  PublicSort,
  RequestDetailResponse,
  RequestEditBody,
  RequestListResponse,
  RequestResponse,
  RoadmapResponse,
  WidgetProjectResponse,
} from '../shared/api'
import type { ErrorCode } from '../shared/errors'
import type { UpdatesResponse } from '../shared/notifications'

/**
 * Failure codes of the API client: the server's codes plus what can go wrong on the way.
 * `identity_changed`: identify() or reset() switched to another person while the request
 * waited for a fresh token, so it was not sent (it would have spoken for the wrong person).
 */
export type ApiFailureCode =
  | ErrorCode
  | 'network_error'
  | 'timeout'
  | 'bad_response'
  | 'identity_changed'

export interface ApiFailure {
  code: ApiFailureCode
  message: string
  /** HTTP status; 0 when no answer arrived. */
  status: number
  /** Seconds to wait, from `Retry-After`, when rate limited. */
  retryAfterSeconds?: number
}

/** What every API call returns: it never throws. */
export type ApiResult<T> = { ok: true; data: T; status: number } | { ok: false; error: ApiFailure }

/** The two calls the Updates view needs. */
export interface UpdatesApi {
  updates(): Promise<ApiResult<UpdatesResponse>>
  readUpdates(ids?: string[]): Promise<ApiResult<{ unread: number }>>
}

/** The fetch client; every call carries the identity headers. */
export interface WidgetApi extends UpdatesApi {
  /** The widget settings; with `locale`, the UI strings in that language when Reqio speaks it. */
  getProject(locale?: string): Promise<ApiResult<WidgetProjectResponse>>
  /** The board (sort, search q), or with `similar` the requests that look like a typed title. */
  listRequests(params: {
    sort?: PublicSort
    q?: string
    similar?: string
  }): Promise<ApiResult<RequestListResponse>>
  submitRequest(body: NewRequestBody, idempotencyKey: string): Promise<ApiResult<RequestResponse>>
  vote(requestId: string): Promise<ApiResult<RequestResponse>>
  unvote(requestId: string): Promise<ApiResult<RequestResponse>>
  /** Identified people only: the request's news (emails, Updates) from now on, or none. */
  follow(requestId: string): Promise<ApiResult<FollowResponse>>
  unfollow(requestId: string): Promise<ApiResult<FollowResponse>>
  identify(): Promise<ApiResult<IdentifyResponse>>
  /** One request with its newest public comments, oldest first, and a cursor to older ones. */
  getRequest(requestId: string): Promise<ApiResult<RequestDetailResponse>>
  /** The comments before `cursor` (a thread's older page). */
  olderComments(requestId: string, cursor: string): Promise<ApiResult<CommentPageResponse>>
  postComment(
    requestId: string,
    body: string,
    idempotencyKey: string,
    attachmentIds?: string[],
  ): Promise<ApiResult<CommentResponse>>
  /** The author's own words (spec v3 "Editing your own words"). */
  editComment(
    requestId: string,
    commentId: string,
    body: string,
  ): Promise<ApiResult<CommentResponse>>
  deleteComment(requestId: string, commentId: string): Promise<ApiResult<undefined>>
  editRequest(requestId: string, edit: RequestEditBody): Promise<ApiResult<RequestResponse>>
  /** One image (PNG, JPEG, WebP or GIF, at most 5 MiB), before the request or comment it goes with. */
  uploadAttachment(image: Blob): Promise<ApiResult<AttachmentResponse>>
  /** Asked only when the Roadmap or What's new view opens. */
  roadmap(): Promise<ApiResult<RoadmapResponse>>
  changelog(): Promise<ApiResult<PublicChangelogResponse>>
}

export type LauncherPosition = 'bottom-right' | 'bottom-left'
export type Theme = 'light' | 'dark' | 'auto'

/** Everything read once from our own <script> tag. */
export interface WidgetConfig {
  projectId: string
  /** From `data-identity-token`. */
  token?: string
  /** From `data-api-url`, else the origin of the script's own src. No trailing slash. */
  apiUrl: string
  /** `data-position`; absent: the dashboard's setting, else bottom-right. */
  position?: LauncherPosition
  /** `data-launcher="none"` hides the launcher; the host calls `Reqio.open()`. */
  launcher: 'default' | 'none'
  theme: Theme
  /** `data-accent`, a CSS color; absent: the dashboard's setting, else Reqio's indigo. */
  accent?: string
  /** `data-locale`, else the page's `lang`. */
  locale?: string
}

export interface ReqioEventMap {
  ready: { projectId: string }
  open: undefined
  close: undefined
  submit: { request: FeedbackRequest; pending: boolean }
  vote: { requestId: string; voted: boolean; pending: boolean }
  error: { code: string; message: string }
  identify: undefined
  reset: undefined
  /** The token expired and no refresh provider could give a fresh one. */
  token_expired: { message: string }
}
export type ReqioEventName = keyof ReqioEventMap
export type ReqioListener<E extends ReqioEventName> = (payload: ReqioEventMap[E]) => void

export interface IdentifyOptions {
  /** Asked for a fresh token when the current one has expired or is about to. */
  refresh?: () => Promise<string> | string
}

/** `window.Reqio`: every method is safe to call at any time, before or after load. */
export interface Reqio {
  identify(token: string, options?: IdentifyOptions): void
  /** Logout: forgets the token, starts a new anonymous id, clears per-user state. */
  reset(): void
  open(): void
  close(): void
  /** Returns a function that removes the listener. */
  on<E extends ReqioEventName>(event: E, listener: ReqioListener<E>): () => void
  off<E extends ReqioEventName>(event: E, listener: ReqioListener<E>): void
}

/** What the core hands to the UI. */
export interface WidgetCore {
  config: WidgetConfig
  api: WidgetApi
  emit<E extends ReqioEventName>(event: E, payload: ReqioEventMap[E]): void
  on<E extends ReqioEventName>(event: E, listener: ReqioListener<E>): () => void
  /**
   * A stable key for whoever is using the widget now (the token's sub, or the anonymous id),
   * so per-user state such as the outbox is only replayed for the same identity.
   */
  identityKey(): string
  /** Whether someone is identified (a token's `sub`); reads no storage, unlike identityKey(). */
  isIdentified(): boolean
  /** Called after identify() and reset(): the UI drops per-user caches and reloads. */
  onIdentityChange(listener: () => void): () => void
  /** Logs an unexpected error once and emits it as 'error': the one sink for our own bugs. */
  report(error: unknown): void
}

export interface WidgetUi {
  open(): void
  close(): void
  destroy(): void
}

export type CreateUi = (core: WidgetCore) => WidgetUi
