import { jwtDecode } from 'jwt-decode'
import type { AdminProject } from '../../shared/api'

/** The token's `aud` as it reads, unverified (a string, or a one-element array); else null. */
export function unverifiedAudience(token: string): string | null {
  try {
    const { aud } = jwtDecode<{ aud?: unknown }>(token)
    if (typeof aud === 'string') return aud
    if (Array.isArray(aud) && aud.length === 1 && typeof aud[0] === 'string') return aud[0]
  } catch {
    // Not a JWT: the server's token_malformed says so.
  }
  return null
}

/**
 * When a rejected token names another audience: which of the owner's projects it was made
 * for (null when none of theirs has that audience). The likeliest cause of a failed check:
 * the server uses another project's secret and id.
 */
export function otherProjectNamed(
  aud: string | null,
  audience: string,
  projects: readonly AdminProject[],
): { aud: string; project: AdminProject | null } | null {
  if (aud === null || aud === audience) return null
  return { aud, project: projects.find((candidate) => candidate.audience === aud) ?? null }
}
