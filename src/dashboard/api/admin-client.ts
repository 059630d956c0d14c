/** The admin API (spec/api.md) as the dashboard calls it: every call resolves, none throws. */
import type {
  AdminProject,
  BacklogRequest,
  BacklogSort,
  CreatedProjectResponse,
  FeedbackRequest,
  RequestStatus,
  RotatedSecretResponse,
  TokenCheckResponse,
} from '../../shared/api'

export type AdminResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string }

export interface RequestChanges {
  status?: RequestStatus
  title?: string
  mergeInto?: string
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
  ): Promise<AdminResult<{ requests: BacklogRequest[] }>>
  updateRequest(
    projectId: string,
    requestId: string,
    changes: RequestChanges,
  ): Promise<AdminResult<{ request: FeedbackRequest }>>
  checkToken(projectId: string, token: string): Promise<AdminResult<TokenCheckResponse>>
  /** Any other admin call (the notifications pages use it): method, path under /v1/admin. */
  call<T>(method: string, path: string, body?: unknown): Promise<AdminResult<T>>
}

/**
 * `apiBase` is empty in the browser (the dashboard shares the API's origin); tests pass the
 * test server's URL. The admin token goes in a header only, never in a URL.
 */
export function createAdminClient(adminToken: string, apiBase = ''): AdminClient {
  async function call<T>(method: string, path: string, body?: unknown): Promise<AdminResult<T>> {
    let response: Response
    try {
      response = await fetch(`${apiBase}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${adminToken}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch {
      return {
        ok: false,
        status: 0,
        code: 'network_error',
        message: 'The server could not be reached.',
      }
    }
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
  const project = (id: string) => `/v1/admin/projects/${encodeURIComponent(id)}`
  return {
    listProjects: () => call('GET', '/v1/admin/projects'),
    createProject: (name) => call('POST', '/v1/admin/projects', { name }),
    rotateSecret: (id, graceSeconds) =>
      call('POST', `${project(id)}/secret`, graceSeconds === undefined ? {} : { graceSeconds }),
    backlog: (id, sort) => call('GET', `${project(id)}/backlog?sort=${sort}`),
    updateRequest: (id, requestId, changes) =>
      call('PATCH', `${project(id)}/requests/${encodeURIComponent(requestId)}`, changes),
    checkToken: (id, token) => call('POST', `${project(id)}/token-check`, { token }),
    call: (method, path, body) => call(method, `/v1/admin${path}`, body),
  }
}
