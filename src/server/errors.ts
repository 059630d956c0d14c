import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiErrorBody, ErrorCode } from '../shared/errors'
import type { Logger } from './logger'
import { describeDatabaseError, isDatabaseUnavailable } from './store/db-errors'

/** The one error type of the server: a stable code from spec/api.md, a status and a human message. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function validationFailed(field: string, message: string): ApiError {
  return new ApiError(400, 'validation_failed', message, field)
}

/** 404s by what the path names. */
export const notFound = {
  request: (message = 'No such request in this project.') =>
    new ApiError(404, 'request_not_found', message),
}

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
    if (err.status === 413) return new ApiError(413, 'payload_too_large', 'The body is too large.')
    if (err.status === 401) return new ApiError(401, 'unauthorized', 'Authorization required.')
    if (err.status < 500)
      return new ApiError(err.status, 'validation_failed', err.message || 'Bad request.')
  }
  if (isDatabaseUnavailable(err)) {
    return new ApiError(
      503,
      'unavailable',
      'The database is unavailable for a moment; try again shortly.',
      undefined,
      { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
    )
  }
  return new ApiError(500, 'internal_error', 'Something went wrong on our side.')
}

export function notFoundHandler(c: Context) {
  return c.json(
    errorBody(new ApiError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`)),
    404,
  )
}
