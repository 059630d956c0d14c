/** Wire shapes of the team-account endpoints (spec/api.md "Team accounts"). */
import type { TeamRole } from './roles'

export interface TeamMemberInfo {
  id: string
  email: string
  name: string
  role: TeamRole
}

export interface TeamMemberListed extends TeamMemberInfo {
  createdAt: string
}

/** As POST /v1/admin/invites answers it: `url` (with the secret code) is shown only here. */
export interface CreatedInvite {
  id: string
  email: string
  role: TeamRole
  url: string
  expiresAt: string
  /** True when the link resets an existing member's password. */
  reset: boolean
}

export interface PendingInvite {
  id: string
  email: string
  role: TeamRole
  createdAt: string
  expiresAt: string
  reset: boolean
}

/** GET /v1/auth/invite?code=: what the accept page shows before anyone types a password. */
export interface InvitePreview {
  email: string
  role: TeamRole
  reset: boolean
  expiresAt: string
}

export interface SetupStatus {
  /** True while no member exists: the dashboard shows "Create the owner account". */
  needed: boolean
}

/**
 * GET /v1/auth/session: what the dashboard needs at start, in one call that answers 200 either
 * way (a 401 there would be an error line in every browser console before anyone signs in).
 */
export interface SessionStatus {
  member: TeamMemberInfo | null
  setupNeeded: boolean
}

/**
 * GET /v1/auth/password-reset, and the 202 of POST /v1/auth/password-reset: whether "Forgot
 * password?" emails a link (SMTP is on) or the page says to ask an owner for one.
 */
export interface PasswordResetStatus {
  byEmail: boolean
}
