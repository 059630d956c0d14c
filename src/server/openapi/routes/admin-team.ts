import { InviteSchema } from '../../routes/admin-invites'
import { RoleChangeSchema } from '../../routes/admin-members'
import type { RouteDoc } from '../route-doc'
import {
  CreatedInviteResponseSchema,
  MemberListResponseSchema,
  MemberResponseSchema,
  PendingInviteListResponseSchema,
} from '../schemas/admin-team'
import { adminDoc, adminErrors, BODY } from './admin-doc-parts'

const tag = 'Admin: team'
const memberParam = { id: 'The member id.' }
const lastOwner = 'The last owner cannot be demoted or removed: 409 conflict.'

/** The team (spec "Team accounts"): owners, or the admin token. */
export const adminTeamDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/members',
    tag,
    summary: 'List the team',
    responses: { 200: { description: 'The members.', schema: MemberListResponseSchema } },
    errors: adminErrors(),
  }),
  adminDoc({
    method: 'patch',
    path: '/v1/admin/members/{id}',
    tag,
    summary: "Change a member's role",
    description: `Pending invites and reset links of the member stop working. ${lastOwner} No such member: 404.`,
    pathParams: memberParam,
    body: RoleChangeSchema,
    responses: { 200: { description: 'The member.', schema: MemberResponseSchema } },
    errors: adminErrors(BODY, 404, 409),
  }),
  adminDoc({
    method: 'delete',
    path: '/v1/admin/members/{id}',
    tag,
    summary: 'Remove a member',
    description: `${lastOwner} No such member: 404.`,
    pathParams: memberParam,
    responses: { 204: { description: 'Removed.' } },
    errors: adminErrors(404, 409),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/members/{id}/reset-link',
    tag,
    summary: 'Issue a password-reset link for a member',
    description: 'The link (url) is shown only here. No such member: 404.',
    pathParams: memberParam,
    responses: { 201: { description: 'The reset link.', schema: CreatedInviteResponseSchema } },
    errors: adminErrors(404),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/invites',
    tag,
    summary: 'List the pending invites',
    responses: {
      200: { description: 'The pending invites.', schema: PendingInviteListResponseSchema },
    },
    errors: adminErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/invites',
    tag,
    summary: 'Invite someone by email, with a role',
    description:
      "url opens the dashboard's accept page and is shown only here. Someone on the team already: 409 conflict.",
    body: InviteSchema,
    responses: { 201: { description: 'The invite.', schema: CreatedInviteResponseSchema } },
    errors: adminErrors(BODY, 409),
  }),
  adminDoc({
    method: 'delete',
    path: '/v1/admin/invites/{id}',
    tag,
    summary: 'Revoke a pending invite',
    description: 'No pending invite with that id: 404.',
    pathParams: { id: 'The invite id.' },
    responses: { 204: { description: 'Revoked.' } },
    errors: adminErrors(404),
  }),
]
