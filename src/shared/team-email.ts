/**
 * Team email (spec/api.md v3 "The team's tools"): what a member chooses to be emailed about,
 * as GET and PUT /v1/auth/notifications carry it, and the defaults of each role.
 */
import type { TeamRole } from './roles'

/** `newRequest`: a request filed in any project; `newComment`: a customer's or visitor's comment. */
export interface TeamEmailSettings {
  newRequest: boolean
  newComment: boolean
}

/** The roles that hear of both until they choose otherwise; the others hear of neither. */
export const TEAM_EMAIL_ON_BY_DEFAULT: readonly TeamRole[] = ['owner', 'admin']

export function defaultTeamEmailSettings(role: TeamRole): TeamEmailSettings {
  const on = TEAM_EMAIL_ON_BY_DEFAULT.includes(role)
  return { newRequest: on, newComment: on }
}
