import type { Context } from 'hono'
import type { AppEnv } from '../http/env'
import type { TeamMember } from '../store/members-store'

/** What the audit log and replies call the bearer REQIO_ADMIN_TOKEN. */
export const ADMIN_TOKEN_ACTOR = 'admin-token'

/** The signed-in member behind an admin call; null when the admin token made it. */
export function actingMember(c: Context<AppEnv>): TeamMember | null {
  return c.get('teamMember') ?? null
}

/** What the audit log calls a project API key: `api-key:{name}` (spec/api.md v3). */
export const apiKeyActor = (name: string) => `api-key:${name}`

/** The audit log's `actor`: the member's email, `api-key:{name}`, or 'admin-token'. */
export function auditActor(c: Context<AppEnv>): string {
  const member = actingMember(c)
  if (member) return member.email
  const apiKey = c.get('apiKey')
  return apiKey ? apiKeyActor(apiKey.name) : ADMIN_TOKEN_ACTOR
}

/** The name a team reply is signed with: the member's, the API key's, or "Team" for the admin token. */
export function teamReplyName(c: Context<AppEnv>): string {
  return actingMember(c)?.name ?? c.get('apiKey')?.name ?? 'Team'
}
