import { randomUUID } from 'node:crypto'
import * as v from 'valibot'
import { TEAM_ROLES, type TeamRole } from '../../shared/roles'
import type { CreatedInvite, PendingInvite, TeamMemberInfo } from '../../shared/team-api'
import type { RouteDeps } from '../http/env'
import type { SqlExecutor } from '../store/db'
import type { InviteRecord } from '../store/invites-store'
import type { MemberRecord, TeamMember } from '../store/members-store'
import { PASSWORD_MAX_LENGTH } from './passwords'
import { serverOrigin } from './same-origin'
import { hashSecretCode, newSecretCode } from './secret-codes'

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

export const EmailSchema = v.pipe(
  v.string('email must be a string'),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254, 'email is too long'),
  v.regex(/^[^\s@]+@[^\s@]+$/, 'email must look like name@example.com'),
)
export const MemberNameSchema = v.pipe(
  v.string('name must be a string'),
  v.trim(),
  v.minLength(1, 'name must not be empty'),
  v.maxLength(100, 'name must be at most 100 characters'),
)
/** Length rules are checked by checkPasswordRules, whose messages never echo the password. */
export const PasswordSchema = v.pipe(
  v.string('password must be a string'),
  v.maxLength(PASSWORD_MAX_LENGTH * 4, 'password is too long'),
)
export const RoleSchema = v.picklist(TEAM_ROLES, `role must be one of ${TEAM_ROLES.join(', ')}`)

/** What answers and the audit log may show of a member: never the password hash. */
export function toMemberInfo(member: TeamMember | MemberRecord): TeamMemberInfo {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    role: member.role as TeamRole,
  }
}

export function toPendingInvite(invite: InviteRecord): PendingInvite {
  return {
    id: invite.id,
    email: invite.email,
    role: invite.role,
    createdAt: invite.createdAt,
    expiresAt: invite.expiresAt,
    reset: invite.memberId !== null,
  }
}

/**
 * Makes an invite (or, with `memberId`, a password-reset link for that member): the code lives
 * only in the returned url; the database keeps its hash.
 */
export async function issueInvite(
  deps: RouteDeps,
  input: {
    email: string
    role: TeamRole
    memberId: string | null
    createdBy: string
    origin: string
    /** How long the link works (default: INVITE_LIFETIME_MS, a week). */
    lifetimeMs?: number
    /** The dashboard page the link opens (default: the accept page). */
    page?: 'accept' | 'reset'
  },
  executor?: SqlExecutor,
): Promise<CreatedInvite> {
  const code = newSecretCode()
  const now = deps.clock.now()
  const invite = await deps.store.invites.create(
    {
      id: randomUUID(),
      codeHash: hashSecretCode(code),
      email: input.email,
      role: input.role,
      memberId: input.memberId,
      createdBy: input.createdBy,
      now,
      expiresAt: now + (input.lifetimeMs ?? INVITE_LIFETIME_MS),
    },
    executor,
  )
  // Re-issuing replaces: the older links to that person stop working at once.
  await deps.store.invites.voidPendingFor(
    { email: invite.email, memberId: invite.memberId },
    now,
    executor ?? deps.store.db,
    invite.id,
  )
  return {
    id: invite.id,
    email: invite.email,
    role: invite.role,
    url: inviteUrl(input.origin, code, input.page),
    expiresAt: invite.expiresAt,
    reset: invite.memberId !== null,
  }
}

/** The dashboard's accept (or reset) page, with the secret part in the `code` query parameter. */
export function inviteUrl(base: string, code: string, page: 'accept' | 'reset' = 'accept'): string {
  return `${base}/dashboard/${page}?code=${encodeURIComponent(code)}`
}

/** Where invite links point: REQIO_PUBLIC_URL (with any path prefix), else this request's origin. */
export function publicBase(deps: RouteDeps, c: Parameters<typeof serverOrigin>[0]): string {
  return deps.config.publicUrl ?? serverOrigin(c, deps.config)
}
