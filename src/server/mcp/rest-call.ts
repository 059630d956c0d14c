import { REQUEST_ID_HEADER } from '../http/request-id'

/**
 * Every MCP tool acts by calling the app's own REST route in this process, with the caller's own
 * `Authorization` header: scopes, per-key limits, validation, audit and events are exactly
 * REST's, so nothing a key may not do over REST can be done through MCP.
 */
export type Dispatch = (request: Request, env: unknown) => Response | Promise<Response>

export type RestResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; code: string; message: string }

export interface RestCaller {
  /** The project the key belongs to: every path is under /v1/admin/projects/{projectId}. */
  readonly projectId: string
  get<T>(path: string): Promise<RestResult<T>>
  send<T>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    /** The few headers a tool may pass on (Idempotency-Key); never credentials. */
    extraHeaders?: Readonly<Record<string, string>>,
  ): Promise<RestResult<T>>
}

interface RestCallerInput {
  dispatch: Dispatch
  /** The /mcp request: its URL is the base of every call, its env (socket) is passed on. */
  origin: string
  env: unknown
  authorization: string
  projectId: string
  /** The /mcp request's X-Request-Id: every REST call it makes is logged under the same id. */
  requestId: string
}

/** A REST caller bound to one MCP request's key; paths are relative to the key's project. */
export function restCallerFor(input: RestCallerInput): RestCaller {
  const base = `/v1/admin/projects/${encodeURIComponent(input.projectId)}`
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Readonly<Record<string, string>> = {},
  ): Promise<RestResult<T>> {
    // Only the key and the body's type go along: never a cookie or an Origin of the /mcp caller.
    const headers: Record<string, string> = {
      ...extraHeaders,
      Authorization: input.authorization,
      [REQUEST_ID_HEADER]: input.requestId,
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const request = new Request(new URL(`${base}${path}`, input.origin), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const response = await input.dispatch(request, input.env)
    return readResult<T>(response)
  }
  return {
    projectId: input.projectId,
    get: (path) => call('GET', path),
    send: (method, path, body, extraHeaders) => call(method, path, body, extraHeaders),
  }
}

async function readResult<T>(response: Response): Promise<RestResult<T>> {
  const text = await response.text()
  const parsed = parseJson(text)
  if (response.ok) return { ok: true, status: response.status, body: parsed as T }
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error
  return {
    ok: false,
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : `http_${response.status}`,
    message: typeof error?.message === 'string' ? error.message : response.statusText,
  }
}

function parseJson(text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
