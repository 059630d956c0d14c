import * as v from 'valibot'
import { TEAM_ROLES } from '../../../shared/roles'
import type {
  InvitePreview,
  PasswordResetStatus,
  SessionStatus,
  SetupStatus,
  TeamMemberInfo,
} from '../../../shared/team-api'
import { IsoDateTime } from './requests'
import type { Assert, DescribesWire } from './wire-type'

/** A member as answers show them: never a password, hash or session id. */
export const TeamMemberSchema = v.strictObject({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  role: v.picklist(TEAM_ROLES),
})
type _Member = Assert<DescribesWire<typeof TeamMemberSchema, TeamMemberInfo>>

export const MemberResponseSchema = v.strictObject({ member: TeamMemberSchema })

export const SetupStatusSchema = v.strictObject({
  needed: v.pipe(v.boolean(), v.description('True while no member exists.')),
})
type _Setup = Assert<DescribesWire<typeof SetupStatusSchema, SetupStatus>>

export const SessionStatusSchema = v.strictObject({
  member: v.nullable(TeamMemberSchema),
  setupNeeded: v.boolean(),
})
type _Session = Assert<DescribesWire<typeof SessionStatusSchema, SessionStatus>>

export const InvitePreviewResponseSchema = v.strictObject({
  invite: v.strictObject({
    email: v.string(),
    role: v.picklist(TEAM_ROLES),
    reset: v.pipe(
      v.boolean(),
      v.description("True when the link resets an existing member's password."),
    ),
    expiresAt: IsoDateTime,
  }),
})
type _Invite = Assert<DescribesWire<typeof InvitePreviewResponseSchema, { invite: InvitePreview }>>

export const PasswordResetStatusSchema = v.strictObject({
  byEmail: v.pipe(
    v.boolean(),
    v.description(
      'Whether "Forgot password?" emails a link (SMTP is on), or the page says to ask an owner.',
    ),
  ),
})
type _Reset = Assert<DescribesWire<typeof PasswordResetStatusSchema, PasswordResetStatus>>
