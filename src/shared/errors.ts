/** Stable error codes of the wire contract (spec/api.md). Clients branch on these, never on messages. */
export const TOKEN_ERROR_CODES = [
  'token_malformed',
  'token_alg',
  'token_signature',
  'token_audience',
  'token_expired',
  'token_not_yet_valid',
  'token_lifetime',
  'token_claims',
] as const

export type TokenErrorCode = (typeof TOKEN_ERROR_CODES)[number]

/** Every code an error answer can carry; server/errors.ts gives each its status. */
export const ERROR_CODES = [
  ...TOKEN_ERROR_CODES,
  'unauthorized',
  'identity_required',
  'forbidden',
  'csrf_rejected',
  'conflict',
  'project_not_found',
  'request_not_found',
  'validation_failed',
  'payload_too_large',
  /** 415: an upload that is not the image type it declares (or no accepted type at all). */
  'unsupported_media_type',
  'rate_limited',
  'not_found',
  /** 503 with Retry-After: the database is away (restarting, unreachable); try again shortly. */
  'unavailable',
  'internal_error',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Body of every error answer: `{error: {code, message}}`, plus the offending field for validation. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; field?: string }
}

export function isTokenErrorCode(code: string): code is TokenErrorCode {
  return (TOKEN_ERROR_CODES as readonly string[]).includes(code)
}
