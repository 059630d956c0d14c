import type { ApiFailure, ApiFailureCode, ApiResult } from './types'

/** Long enough for a slow mobile network, short enough that the UI can say something. */
export const REQUEST_TIMEOUT_MS = 10_000
/** An image upload (up to 5 MiB) on that same slow network: about 1 Mbit/s. */
export const UPLOAD_TIMEOUT_MS = 60_000

export interface JsonRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  url: string
  headers: Record<string, string>
  /** Sent as JSON; a Blob (an image upload) goes as it is, with its own type. */
  body?: unknown
  timeoutMs?: number
}

/**
 * One fetch, turned into an ApiResult: never throws, never hangs past the timeout.
 * Content-Type is sent only with a body, so body-less requests stay as simple as CORS allows.
 */
export async function fetchJson<T>(request: JsonRequest): Promise<ApiResult<T>> {
  const { body } = request
  const raw = body instanceof Blob
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(
    () => {
      timedOut = true
      controller.abort()
    },
    request.timeoutMs ?? (raw ? UPLOAD_TIMEOUT_MS : REQUEST_TIMEOUT_MS),
  )
  try {
    const headers: Record<string, string> = { ...request.headers }
    if (body !== undefined) headers['Content-Type'] = raw ? body.type : 'application/json'
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      body: raw ? body : JSON.stringify(body),
      signal: controller.signal,
      credentials: 'omit',
    })
    const result = await readAnswer<T>(response)
    // An abort while the body streams in shows up as unreadable JSON: it is still a timeout.
    return timedOut ? timeoutFailure() : result
  } catch (error) {
    return timedOut ? timeoutFailure() : failure('network_error', String(error), 0)
  } finally {
    clearTimeout(timer)
  }
}

async function readAnswer<T>(response: Response): Promise<ApiResult<T>> {
  const status = response.status
  // No Content (a deleted comment): success with nothing to read.
  if (status === 204) return { ok: true, data: undefined as T, status }
  let body: unknown
  try {
    body = JSON.parse(await response.text())
  } catch {
    return failure('bad_response', `Answer ${status} is not JSON.`, status)
  }
  if (response.ok) return { ok: true, data: body as T, status }

  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  if (typeof error?.code !== 'string') {
    return failure('bad_response', `Answer ${status} has no error code.`, status)
  }
  const result = failure(
    error.code as ApiFailureCode,
    typeof error.message === 'string' ? error.message : error.code,
    status,
  )
  // Our server sends delta-seconds; anything else (an HTTP date) leaves the UI's default wait.
  const retryAfterSeconds = Number(response.headers.get('Retry-After') || Number.NaN)
  if (retryAfterSeconds >= 0) result.error.retryAfterSeconds = retryAfterSeconds
  return result
}

function timeoutFailure(): { ok: false; error: ApiFailure } {
  return failure('timeout', 'No answer in time.', 0)
}

function failure(
  code: ApiFailureCode,
  message: string,
  status: number,
): { ok: false; error: ApiFailure } {
  return { ok: false, error: { code, message, status } }
}
