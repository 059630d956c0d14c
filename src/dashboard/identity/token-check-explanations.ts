import { TOKEN_LIFETIME_SECONDS } from '../../shared/identity'

export interface Explanation {
  /** What is wrong, in plain words. */
  problem: string
  /** What to change on the owner's server. */
  fix: string
}

/** Plain words and the fix for each failure code token-check answers (spec/api.md). */
export function explainTokenFailure(code: string, audience: string): Explanation {
  switch (code) {
    case 'token_malformed':
      return {
        problem: 'This is not a complete JWT.',
        fix: 'Paste the whole token your server printed: three base64url parts separated by dots, with no quotes or "Bearer " in front.',
      }
    case 'token_alg':
      return {
        problem: 'The token is not signed with HS256.',
        fix: 'Sign with the HS256 algorithm and the REQIO_SECRET string as the key.',
      }
    case 'token_signature':
      return {
        problem: "The signature does not match this project's secret.",
        fix: 'Set REQIO_SECRET on your server to the current secret from step 2 (after a rotation, deploy the new one) and sign with that exact string.',
      }
    case 'token_audience':
      return {
        problem: 'The token is meant for a different project (wrong "aud").',
        fix: `Set aud to exactly ${audience}.`,
      }
    case 'token_expired':
      return {
        problem: 'The token has expired.',
        fix: `Tokens live ${TOKEN_LIFETIME_SECONDS} seconds: mint a fresh one on every request instead of caching it, and check that your server's clock is right.`,
      }
    case 'token_not_yet_valid':
      return {
        problem: 'The token was issued in the future ("iat" is ahead of now).',
        fix: "Your server's clock is ahead: sync it (NTP) and set iat to the current Unix time in seconds, not milliseconds.",
      }
    case 'token_lifetime':
      return {
        problem: `The token lives longer than ${TOKEN_LIFETIME_SECONDS} seconds.`,
        fix: `Set exp = iat + ${TOKEN_LIFETIME_SECONDS}, both in Unix seconds.`,
      }
    case 'token_claims':
      return {
        problem: 'A claim is missing or has the wrong type.',
        fix: 'sub must be a non-empty string; iat and exp numbers; traits, if sent, needs plan (string), amount (whole cents, not negative) and interval ("month" or "year").',
      }
    default:
      return {
        problem: 'The server refused the token.',
        fix: 'Compare your payload with the snippet in step 3.',
      }
  }
}

/**
 * A token whose (unverified) aud names another audience: whatever code the server gave
 * (a signature mismatch, usually, as the other project's secret signed it), that is the cause.
 */
export function explainForeignAudience(
  foreign: { aud: string; project: { id: string; name: string } | null },
  audience: string,
): Explanation {
  return {
    problem: foreign.project
      ? `This token was made for another project: “${foreign.project.name}” (${foreign.project.id}), not this one.`
      : `This token names another audience ("${foreign.aud}"), not this project.`,
    fix: `On your server, use this project's secret as REQIO_SECRET and set aud to exactly ${audience}.`,
  }
}
