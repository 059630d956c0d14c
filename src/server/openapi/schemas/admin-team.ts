import * as v from 'valibot'
import { MailModeSchema, TeamRoleSchema, Timestamp } from './admin-common'

/** Answers of the team routes (members, invites) and of the server's email set-up. */

/** `TeamMemberInfo`: never the password hash. */
export const TeamMemberSchema = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  role: TeamRoleSchema,
})

/** `GET /v1/admin/members`: `TeamMemberListed`. */
export const MemberListResponseSchema = v.object({
  members: v.array(v.object({ ...TeamMemberSchema.entries, createdAt: Timestamp })),
})

export const MemberResponseSchema = v.object({ member: TeamMemberSchema })

/** `CreatedInvite`: `url` (with the secret code) is shown only here. */
export const CreatedInviteResponseSchema = v.object({
  invite: v.object({
    id: v.string(),
    email: v.string(),
    role: TeamRoleSchema,
    url: v.string(),
    expiresAt: Timestamp,
    reset: v.boolean(),
  }),
})

/** `GET /v1/admin/invites`: `PendingInvite`, never the link. */
export const PendingInviteListResponseSchema = v.object({
  invites: v.array(
    v.object({
      id: v.string(),
      email: v.string(),
      role: TeamRoleSchema,
      createdAt: Timestamp,
      expiresAt: Timestamp,
      reset: v.boolean(),
    }),
  ),
})

/** `MailSetupResponse`: how mail leaves, never the SMTP credentials. */
export const MailSetupResponseSchema = v.object({
  mail: MailModeSchema,
  from: v.string(),
  server: v.nullable(v.string()),
  publicUrl: v.string(),
  signedInEmail: v.nullable(v.string()),
})

/** `TestEmailResponse`. */
export const TestEmailResponseSchema = v.object({
  to: v.string(),
  from: v.string(),
  sent: v.boolean(),
  problem: v.nullable(v.string()),
})
