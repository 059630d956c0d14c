import { errors, type JWTPayload, jwtVerify } from 'jose'
import * as v from 'valibot'
import type { TokenErrorCode } from '../../shared/errors'
import { monthlyRevenueCents, TOKEN_LIFETIME_SECONDS } from '../../shared/identity'
import { ApiError } from '../errors'
import { textProblem } from '../http/clean-text'
import type { PersonFacts } from '../store'
import { OptionalClaimsSchema } from './claims-schema'

/**
 * Clock skew we forgive between the customer's server and ours, on exp and iat: 30 seconds
 * (the contract allows at most 60).
 */
export const CLOCK_LEEWAY_SECONDS = 30

export interface VerificationKeys {
  current: CryptoKey
  /** The secret before the last rotation, while it is still accepted. */
  previous?: { key: CryptoKey; validUntilMs: number }
}

export interface VerifiedToken {
  facts: PersonFacts
  exp: number
  /** Verified with the previous secret: stop trusting it when that secret retires. */
  previousValidUntilMs: number | null
}

export class TokenError extends ApiError {
  constructor(code: TokenErrorCode, message: string) {
    super(code, message)
  }
}

/**
 * Verifies an identity token against the rules of spec/api.md "Identity on the wire".
 * jose checks the signature, alg, aud and exp; we add iat, lifetime, sub and traits.
 * Throws TokenError with the specific code.
 */
export async function verifyIdentityToken(
  token: string,
  keys: VerificationKeys,
  options: { audience: string; nowMs: number },
): Promise<VerifiedToken> {
  let payload: JWTPayload
  let previousValidUntilMs: number | null = null
  try {
    payload = await verifyWith(token, keys.current, options)
  } catch (error) {
    const previous = keys.previous
    const canRetry =
      error instanceof errors.JWSSignatureVerificationFailed &&
      previous !== undefined &&
      options.nowMs < previous.validUntilMs
    if (!canRetry) throw toTokenError(error)
    try {
      payload = await verifyWith(token, previous.key, options)
      previousValidUntilMs = previous.validUntilMs
    } catch (retryError) {
      throw toTokenError(retryError)
    }
  }
  checkAudienceIsOne(payload, options.audience)
  return {
    facts: checkOurClaims(payload, options.nowMs),
    exp: payload.exp as number,
    previousValidUntilMs,
  }
}

function verifyWith(token: string, key: CryptoKey, options: { audience: string; nowMs: number }) {
  return jwtVerify(token, key, {
    algorithms: ['HS256'],
    audience: options.audience,
    clockTolerance: CLOCK_LEEWAY_SECONDS,
    currentDate: new Date(options.nowMs),
    requiredClaims: ['sub', 'iat', 'exp'],
  }).then((result) => result.payload)
}

/** jose accepts an array containing the audience; spec v2 takes only exactly [audience]. */
function checkAudienceIsOne(payload: JWTPayload, audience: string): void {
  const { aud } = payload
  if (Array.isArray(aud) && !(aud.length === 1 && aud[0] === audience)) {
    throw new TokenError('token_audience', 'The token audience must be this project alone.')
  }
}

function checkOurClaims(payload: JWTPayload, nowMs: number): PersonFacts {
  const { sub, iat, exp } = payload
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > 255 || textProblem(sub)) {
    throw new TokenError(
      'token_claims',
      'The token needs a non-empty string "sub" without NUL or broken UTF-16.',
    )
  }
  // Whole seconds, as every JWT library writes them; iat is stored as an integer.
  if (!Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) {
    throw new TokenError('token_claims', 'The token needs whole-second numeric "iat" and "exp".')
  }
  if (typeof iat !== 'number' || typeof exp !== 'number') {
    throw new TokenError('token_claims', 'The token needs numeric "iat" and "exp".')
  }
  if (iat > nowMs / 1000 + CLOCK_LEEWAY_SECONDS) {
    throw new TokenError('token_not_yet_valid', 'The token was issued in the future ("iat").')
  }
  if (exp - iat > TOKEN_LIFETIME_SECONDS || exp <= iat) {
    throw new TokenError(
      'token_lifetime',
      `The token must expire within ${TOKEN_LIFETIME_SECONDS} seconds of "iat".`,
    )
  }
  const optional = v.safeParse(OptionalClaimsSchema, payload)
  if (!optional.success) {
    const path = v.getDotPath(optional.issues[0])
    throw new TokenError('token_claims', `The token's "${path ?? 'claims'}" is not valid.`)
  }
  const { traits, company } = optional.output
  return {
    sub,
    email: optional.output.email ?? null,
    name: optional.output.name?.trim() || null,
    plan: traits?.plan ?? null,
    interval: traits?.interval ?? null,
    amountCents: traits?.amount ?? null,
    mrrCents: traits ? monthlyRevenueCents(traits) : 0,
    iat,
    company: company ? { id: company.id, name: company.name ?? null } : null,
  }
}

/** jose's stable error codes to ours. */
function toTokenError(error: unknown): ApiError {
  const code = (error as { code?: string }).code
  switch (code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new TokenError(
        'token_signature',
        'The token signature does not match the project secret.',
      )
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new TokenError('token_alg', 'The token must be signed with HS256.')
    case 'ERR_JWT_EXPIRED':
      return new TokenError('token_expired', 'The token has expired.')
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
      const { claim, reason } = error as errors.JWTClaimValidationFailed
      if (claim === 'aud')
        return new TokenError('token_audience', 'The token audience is not this project.')
      if (claim === 'nbf' && reason === 'check_failed') {
        return new TokenError('token_not_yet_valid', 'The token is not valid yet ("nbf").')
      }
      return new TokenError('token_claims', `The token's "${claim}" claim is missing or not valid.`)
    }
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new TokenError('token_malformed', 'The token is not a well-formed JWT.')
    default:
      if (error instanceof errors.JOSEError) {
        return new TokenError('token_malformed', 'The token could not be verified.')
      }
      throw error
  }
}
