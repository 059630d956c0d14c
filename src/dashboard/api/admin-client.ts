/** The admin API (spec/api.md) as the dashboard calls it: every call resolves, none throws. */

import type {
  AdminCommentResponse,
  AdminProject,
  AdminRequestDetailResponse,
  ApiKeysResponse,
  BacklogFilter,
  BacklogRequest,
  BacklogSort,
  ChangelogEntry,
  ChangelogEntryBody,
  CompanyDetailResponse,
  CompanyListResponse,
  CompanySort,
  CreatedApiKeyResponse,
  CreatedProjectResponse,
  FeedbackRequest,
  InstallStatusResponse,
  NewApiKeyBody,
  NewRequestOnBehalf,
  OnBehalfOf,
  PeopleListResponse,
  PersonDetailResponse,
  RequestStatus,
  RoadmapResponse,
  RotatedSecretResponse,
  TokenCheckResponse,
} from '../../shared/api'
import type { AttachmentResponse } from '../../shared/api/attachments'
import type { AdminResult } from './admin-result'

export type { AdminResult } from './admin-result'

export interface RequestChanges {
  status?: RequestStatus
  title?: string
  mergeInto?: string
  /** The team's public note on the status; null clears it. */
  statusNote?: string | null
}

export interface AdminClient {
  listProjects(): Promise<AdminResult<{ projects: AdminProject[] }>>
  createProject(name: string): Promise<AdminResult<CreatedProjectResponse>>
  rotateSecret(
    projectId: string,
    graceSeconds?: number,
  ): Promise<AdminResult<RotatedSecretResponse>>
  backlog(
    projectId: string,
    sort: BacklogSort,
    filter?: BacklogFilter,
  ): Promise<AdminResult<{ requests: BacklogRequest[] }>>
  /** Where the widget was seen, and the project's first steps. */
  installStatus(projectId: string): Promise<AdminResult<InstallStatusResponse>>
  /**
   * The backlog (same filter, up to BACKLOG_EXPORT_MAX_ROWS rows) as CSV text, for a download;
   * `truncated` when the server left rows out.
   */
  backlogCsv(
    projectId: string,
    sort: BacklogSort,
    filter?: BacklogFilter,
  ): Promise<AdminResult<{ csv: string; truncated: boolean }>>
  /** Undoes the latest merge of `requestId`: it stands again with its votes and revenue. */
  unmergeRequest(
    projectId: string,
    requestId: string,
  ): Promise<AdminResult<{ request: BacklogRequest; target: BacklogRequest }>>
  updateRequest(
    projectId: string,
    requestId: string,
    changes: RequestChanges,
  ): Promise<AdminResult<{ request: FeedbackRequest }>>
  checkToken(projectId: string, token: string): Promise<AdminResult<TokenCheckResponse>>
  /** The request with every comment (internal and hidden flagged) and commenters' facts. */
  requestDetail(
    projectId: string,
    requestId: string,
  ): Promise<AdminResult<AdminRequestDetailResponse>>
  /** A public team reply, or with `internal` a note only the dashboard sees. */
  addComment(
    projectId: string,
    requestId: string,
    comment: { body: string; internal: boolean },
  ): Promise<AdminResult<AdminCommentResponse>>
  setCommentHidden(
    projectId: string,
    commentId: string,
    hidden: boolean,
  ): Promise<AdminResult<AdminCommentResponse>>
  /** Removes any comment for good (spec v3 "Editing your own words"): 204, audited. */
  deleteComment(projectId: string, commentId: string): Promise<AdminResult<Record<string, never>>>
  listChangelog(projectId: string): Promise<AdminResult<{ entries: ChangelogEntry[] }>>
  /** Without `entryId` a new entry; with it, a change to that one. */
  saveChangelogEntry(
    projectId: string,
    entryId: string | null,
    body: ChangelogEntryBody,
  ): Promise<AdminResult<{ entry: ChangelogEntry }>>
  /** The public roadmap exactly as the widget gets it (asked without the admin token). */
  publicRoadmap(projectId: string): Promise<AdminResult<RoadmapResponse>>
  companies(projectId: string, sort: CompanySort): Promise<AdminResult<CompanyListResponse>>
  company(projectId: string, companyId: string): Promise<AdminResult<CompanyDetailResponse>>
  /** The project's live API keys (never the keys themselves). */
  listApiKeys(projectId: string): Promise<AdminResult<ApiKeysResponse>>
  /** A new key: the answer's `key` is the only time it is ever shown. */
  createApiKey(projectId: string, body: NewApiKeyBody): Promise<AdminResult<CreatedApiKeyResponse>>
  /** Refused everywhere from the answer on. */
  revokeApiKey(projectId: string, keyId: string): Promise<AdminResult<unknown>>
  /**
   * One page of the project's people (`q` searches email, name, sub, company): the People tab
   * pages with `cursor`, the customer picker asks for a few with `limit`.
   */
  people(
    projectId: string,
    query: { q?: string; cursor?: string | null; limit?: number },
  ): Promise<AdminResult<PeopleListResponse>>
  person(projectId: string, sub: string): Promise<AdminResult<PersonDetailResponse>>
  /** Everything stored about the person, as the one JSON document the server exports. */
  personExport(projectId: string, sub: string): Promise<AdminResult<Record<string, unknown>>>
  /** Erases the person (GDPR): their votes, comments and facts go; their requests stay. */
  deletePerson(projectId: string, sub: string): Promise<AdminResult<Record<string, never>>>
  /** Any other admin call (the notifications pages use it): method, path under /v1/admin. */
  call<T>(method: string, path: string, body?: unknown): Promise<AdminResult<T>>
  /** An image for the changelog (PNG, JPEG, WebP or GIF, ≤ 5 MiB), stored re-encoded. */
  uploadImage(projectId: string, image: Blob): Promise<AdminResult<AttachmentResponse>>
  /**
   * A request filed on a customer's behalf, their vote counted; `idempotencyKey` makes a
   * resubmit (a double click, a retry) file it once.
   */
  createRequestOnBehalf(
    projectId: string,
    request: NewRequestOnBehalf,
    idempotencyKey: string,
  ): Promise<AdminResult<{ request: BacklogRequest }>>
  /** The customer's vote on the request (again: still one vote). */
  voteOnBehalf(
    projectId: string,
    requestId: string,
    onBehalfOf: OnBehalfOf,
  ): Promise<AdminResult<{ request: BacklogRequest }>>
  /** Takes the customer's vote back. */
  removeVoteOnBehalf(
    projectId: string,
    requestId: string,
    sub: string,
  ): Promise<AdminResult<{ request: BacklogRequest }>>
}

/** One JSON call to the API; never throws. */
export type ApiCall = <T>(
  method: string,
  path: string,
  body?: unknown,
  /** Call a public endpoint: no admin token (it would be read as an identity token). */
  asPublic?: boolean,
  /** More headers (an Idempotency-Key). */
  headers?: Record<string, string>,
) => Promise<AdminResult<T>>

/**
 * `adminToken` null: the dashboard's session cookie authorises the call (the browser sends it
 * on same-origin fetches, with the Origin header the server's CSRF check wants). A token goes in
 * a header only, never in a URL.
 */
export function createApiCall(adminToken: string | null, apiBase = ''): ApiCall {
  return async <T>(
    method: string,
    path: string,
    body?: unknown,
    asPublic = false,
    headers: Record<string, string> = {},
  ): Promise<AdminResult<T>> => {
    let response: Response
    try {
      // An image goes as its own bytes with its own type (POST …/attachments); the rest as JSON.
      const image = body instanceof Blob ? body : null
      response = await fetch(`${apiBase}${path}`, {
        method,
        credentials: 'same-origin',
        headers: {
          // The public API would read the admin token as an identity token and refuse it.
          ...(adminToken && !asPublic ? { Authorization: `Bearer ${adminToken}` } : {}),
          ...(body === undefined
            ? {}
            : {
                'Content-Type': image
                  ? image.type || 'application/octet-stream'
                  : 'application/json',
              }),
          ...headers,
        },
        body: image
          ? await image.arrayBuffer()
          : body === undefined
            ? undefined
            : JSON.stringify(body),
      })
    } catch {
      return {
        ok: false,
        status: 0,
        code: 'network_error',
        message: 'The server could not be reached.',
      }
    }
    if (response.status === 204) return { ok: true, data: {} as T }
    const payload = await response.json().catch(() => null)
    if (response.ok && (payload || response.status === 204)) return { ok: true, data: payload as T }
    const error = payload?.error
    return {
      ok: false,
      status: response.status,
      code: typeof error?.code === 'string' ? error.code : 'bad_response',
      message: typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`,
    }
  }
}

/** The backlog's query string: the sort, then only the filters that are set. */
export function backlogQuery(sort: BacklogSort, filter: BacklogFilter = {}): string {
  const params = new URLSearchParams({ sort })
  if (filter.q?.trim()) params.set('q', filter.q.trim())
  if (filter.status) params.set('status', filter.status)
  if (filter.plan?.trim()) params.set('plan', filter.plan.trim())
  if (filter.company?.trim()) params.set('company', filter.company.trim())
  if (filter.paying) params.set('paying', 'true')
  if (filter.deleted) params.set('deleted', 'true')
  if (filter.tag) params.set('tag', filter.tag)
  if (filter.atRisk) params.set('atRisk', 'true')
  return params.toString()
}

/** The CSV export, authorised like every other call; never throws. */
async function fetchCsv(
  adminToken: string | null,
  url: string,
): Promise<AdminResult<{ csv: string; truncated: boolean }>> {
  try {
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: adminToken ? { Authorization: `Bearer ${adminToken}` } : {},
    })
    if (response.ok) {
      const truncated = response.headers.get('Reqio-Export-Truncated') === 'true'
      return { ok: true, data: { csv: await response.text(), truncated } }
    }
    const payload = await response.json().catch(() => null)
    return {
      ok: false,
      status: response.status,
      code: payload?.error?.code ?? 'bad_response',
      message: payload?.error?.message ?? `HTTP ${response.status}`,
    }
  } catch {
    return {
      ok: false,
      status: 0,
      code: 'network_error',
      message: 'The server could not be reached.',
    }
  }
}

/**
 * `apiBase` is empty in the browser (the dashboard shares the API's origin); tests pass the
 * test server's URL. `adminToken` null: signed in with the session cookie.
 */
export function createAdminClient(adminToken: string | null, apiBase = ''): AdminClient {
  const call = createApiCall(adminToken, apiBase)
  const project = (id: string) => `/v1/admin/projects/${encodeURIComponent(id)}`
  return {
    uploadImage: (projectId, image) => call('POST', `${project(projectId)}/attachments`, image),
    listProjects: () => call('GET', '/v1/admin/projects'),
    createProject: (name) => call('POST', '/v1/admin/projects', { name }),
    rotateSecret: (id, graceSeconds) =>
      call('POST', `${project(id)}/secret`, graceSeconds === undefined ? {} : { graceSeconds }),
    backlog: (id, sort, filter) =>
      call('GET', `${project(id)}/backlog?${backlogQuery(sort, filter)}`),
    installStatus: (id) => call('GET', `${project(id)}/install`),
    backlogCsv: (id, sort, filter) =>
      fetchCsv(adminToken, `${apiBase}${project(id)}/backlog.csv?${backlogQuery(sort, filter)}`),
    unmergeRequest: (id, requestId) =>
      call('POST', `${project(id)}/requests/${encodeURIComponent(requestId)}/unmerge`, {}),
    updateRequest: (id, requestId, changes) =>
      call('PATCH', `${project(id)}/requests/${encodeURIComponent(requestId)}`, changes),
    checkToken: (id, token) => call('POST', `${project(id)}/token-check`, { token }),
    requestDetail: (id, requestId) =>
      call('GET', `${project(id)}/requests/${encodeURIComponent(requestId)}`),
    addComment: (id, requestId, comment) =>
      call('POST', `${project(id)}/requests/${encodeURIComponent(requestId)}/comments`, comment),
    setCommentHidden: (id, commentId, hidden) =>
      call('PATCH', `${project(id)}/comments/${encodeURIComponent(commentId)}`, { hidden }),
    deleteComment: (id, commentId) =>
      call('DELETE', `${project(id)}/comments/${encodeURIComponent(commentId)}`),
    listChangelog: (id) => call('GET', `${project(id)}/changelog`),
    saveChangelogEntry: (id, entryId, body) =>
      entryId
        ? call('PATCH', `${project(id)}/changelog/${encodeURIComponent(entryId)}`, body)
        : call('POST', `${project(id)}/changelog`, body),
    publicRoadmap: (id) =>
      call('GET', `/v1/projects/${encodeURIComponent(id)}/roadmap`, undefined, true),
    companies: (id, sort) => call('GET', `${project(id)}/companies?sort=${sort}`),
    company: (id, companyId) =>
      call('GET', `${project(id)}/companies/${encodeURIComponent(companyId)}`),
    listApiKeys: (id) => call('GET', `${project(id)}/api-keys`),
    createApiKey: (id, body) => call('POST', `${project(id)}/api-keys`, body),
    revokeApiKey: (id, keyId) =>
      call('DELETE', `${project(id)}/api-keys/${encodeURIComponent(keyId)}`),
    people: (id, query) => {
      const params = new URLSearchParams()
      if (query.q?.trim()) params.set('q', query.q.trim())
      if (query.cursor) params.set('cursor', query.cursor)
      if (query.limit !== undefined) params.set('limit', String(query.limit))
      return call('GET', `${project(id)}/people?${params}`)
    },
    person: (id, sub) => call('GET', `${project(id)}/people/${encodeURIComponent(sub)}`),
    personExport: (id, sub) =>
      call('GET', `${project(id)}/people/${encodeURIComponent(sub)}/export`),
    deletePerson: (id, sub) => call('DELETE', `${project(id)}/people/${encodeURIComponent(sub)}`),
    call: (method, path, body) => call(method, `/v1/admin${path}`, body),
    createRequestOnBehalf: (id, request, idempotencyKey) =>
      call('POST', `${project(id)}/requests`, request, false, {
        'Idempotency-Key': idempotencyKey,
      }),
    voteOnBehalf: (id, requestId, onBehalfOf) =>
      call('POST', `${project(id)}/requests/${encodeURIComponent(requestId)}/votes`, {
        onBehalfOf,
      }),
    removeVoteOnBehalf: (id, requestId, sub) =>
      call(
        'DELETE',
        `${project(id)}/requests/${encodeURIComponent(requestId)}/votes/${encodeURIComponent(sub)}`,
      ),
  }
}
