/**
 * Mints identity tokens the way a customer's server does (jose, HS256, the secret string's
 * UTF-8 bytes as the key).
 *
 *   await mintToken(secret, { sub: 'u1', aud: audienceFor(projectId), traits: {...} })
 *
 * iat defaults to now (or `nowMs`), exp to iat + 300. Pass any claim explicitly, including
 * wrong ones, to test refusals; `alg` signs with another HMAC algorithm.
 */
import { SignJWT } from 'jose'
import { TOKEN_LIFETIME_SECONDS } from '../../src/shared/identity'

export interface TokenClaims {
  sub?: unknown
  aud?: string | string[]
  iat?: unknown
  exp?: unknown
  email?: unknown
  traits?: unknown
  [claim: string]: unknown
}

export interface MintOptions {
  alg?: 'HS256' | 'HS384' | 'HS512'
  /** The "current time" for the default iat, in epoch ms. */
  nowMs?: number
}

export async function mintToken(
  secret: string,
  claims: TokenClaims,
  options: MintOptions = {},
): Promise<string> {
  const iat = Math.floor((options.nowMs ?? Date.now()) / 1000)
  const payload: Record<string, unknown> = { iat, exp: iat + TOKEN_LIFETIME_SECONDS, ...claims }
  for (const [claim, value] of Object.entries(payload))
    if (value === undefined) delete payload[claim]
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret))
}

/** An unsigned token (alg "none"), which must always be refused. */
export function unsignedToken(claims: TokenClaims): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`
}
