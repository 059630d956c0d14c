import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiErrorBody, ErrorCode } from '../shared/errors'
import type { Logger } from './logger'
import { describeDatabaseError, isDatabaseUnavailable } from './store/db-errors'

/**
 * The status every code answers with (spec/api.md): callers name the code, never the status.
 * `satisfies` makes a code without a status a type error; test/server/errors.test.ts checks it too.
 */
export const ERROR_STATUS = {
  token_malformed: 401,
  token_alg: 401,
  token_signature: 401,
  token_audience: 401,
  token_expired: 401,
  token_not_yet_valid: 401,
  token_lifetime: 401,
  token_claims: 401,
  unauthorized: 401,
  identity_required: 401,
  forbidden: 403,
  csrf_rejected: 403,
  conflict: 409,
  project_not_found: 404,
  request_not_found: 404,
  not_found: 404,
  validation_failed: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal_error: 500,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>

interface ApiErrorOptions {
  /** The offending input, for validation_failed. */
  field?: string
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>
}

/** The one error type of the server: a stable code from spec/api.md and a human message; the code sets the status. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode
  readonly field?: string
  readonly headers?: Record<string, string>

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = ERROR_STATUS[code]
    this.field = options.field
    this.headers = options.headers
  }
}

/** 400 validation_failed, naming the input that was wrong. */
export const invalid = (field: string, message: string) =>
  new ApiError('validation_failed', message, { field })

export const notFound = {
  project: (projectId: string) => new ApiError('project_not_found', `No project "${projectId}".`),
  request: (message = 'No such request in this project.') =>
    new ApiError('request_not_found', message),
  /** Anything else the path names that is not there (a member, an invite, a webhook…). */
  thing: (message: string) => new ApiError('not_found', message),
}

/** 401: no credential, or one that was refused. */
export const unauthorized = (message: string) => new ApiError('unauthorized', message)
/** 401: this action needs an identified user (spec/api.md). */
export const identityRequired = (message: string) => new ApiError('identity_required', message)
/** 403: signed in, but the role may not. */
export const forbidden = (message: string) => new ApiError('forbidden', message)
/** 409: the change clashes with what is stored. */
export const conflict = (message: string) => new ApiError('conflict', message)
export const payloadTooLarge = (message: string) => new ApiError('payload_too_large', message)
/** 415: an upload whose bytes are not an accepted image of the type it declares. */
export const unsupportedMediaType = (message: string) =>
  new ApiError('unsupported_media_type', message)

export function errorBody(error: ApiError): ApiErrorBody {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } }
  if (error.field) body.error.field = error.field
  return body
}

/** Seconds a client is told to wait while the database is away: about one restart. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5
/** While the database is away every request fails the same way: one log line per this many ms. */
const UNAVAILABLE_LOG_EVERY_MS = 10_000

/**
 * Answers every thrown error as `{error: {code, message}}`; unknown errors never leak a stack.
 * Hono keeps the error in `c.error`: the request log (http/request-log.ts) writes it, with its
 * stack, on the request's own line; a database that is away also gets one summary line here
 * every 10 s, saying what the driver reported.
 */
export function createErrorHandler(logger: Logger) {
  let lastUnavailableLogAt = Number.NEGATIVE_INFINITY
  let unavailableSinceLog = 0
  return (err: Error, c: Context) => {
    const apiError = toApiError(err)
    if (apiError.code === 'unavailable') {
      unavailableSinceLog++
      const now = Date.now()
      if (now - lastUnavailableLogAt >= UNAVAILABLE_LOG_EVERY_MS) {
        logger.warn(
          `database unavailable (${describeDatabaseError(err)}): ${unavailableSinceLog} request(s) answered 503 since the last such line`,
        )
        lastUnavailableLogAt = now
        unavailableSinceLog = 0
      }
    }
    for (const [name, value] of Object.entries(apiError.headers ?? {})) c.header(name, value)
    return c.json(errorBody(apiError), apiError.status)
  }
}

function toApiError(err: Error): ApiError {
  if (err instanceof ApiError) return err
  if (err instanceof HTTPException) {
    if (err.status === 413) return payloadTooLarge('The body is too large.')
    if (err.status === 401) return unauthorized('Authorization required.')
    if (err.status < 500) return new ApiError('validation_failed', err.message || 'Bad request.')
  }
  if (isDatabaseUnavailable(err)) {
    return new ApiError(
      'unavailable',
      'The database is unavailable for a moment; try again shortly.',
      { headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
    )
  }
  return new ApiError('internal_error', 'Something went wrong on our side.')
}

export function notFoundHandler(c: Context) {
  return c.json(errorBody(notFound.thing(`No route for ${c.req.method} ${c.req.path}.`)), 404)
}
