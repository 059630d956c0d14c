import * as v from 'valibot'
import { LoginSchema, SetupSchema } from '../../routes/auth'
import { PasswordChangeSchema } from '../../routes/auth-account'
import { AcceptSchema, CodeSchema } from '../../routes/auth-invite'
import { ResetConfirmSchema, ResetRequestSchema } from '../../routes/auth-password-reset'
import type { RouteDoc } from '../route-doc'
import {
  InvitePreviewResponseSchema,
  MemberResponseSchema,
  PasswordResetStatusSchema,
  SessionStatusSchema,
  SetupStatusSchema,
} from '../schemas/team'

const TAG = 'Auth'
const session = ['sessionCookie'] as const
const SETS_COOKIE = ' Sets the session cookie (`HttpOnly`, `SameSite=Lax`).'

/** Signing in to the dashboard (spec/api.md "Team accounts"); answers never carry a secret. */
export const authDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/auth/setup',
    summary: 'Whether the first owner is still to be created',
    tag: TAG,
    security: [],
    responses: { 200: { description: 'Setup status.', schema: SetupStatusSchema } },
    errors: [503],
  },
  {
    method: 'post',
    path: '/v1/auth/setup',
    summary: 'Create the first owner',
    description: `With the server's \`REQIO_ADMIN_TOKEN\`, while no member exists (else 409 conflict).${SETS_COOKIE}`,
    tag: TAG,
    security: [],
    body: SetupSchema,
    responses: { 201: { description: 'The owner, signed in.', schema: MemberResponseSchema } },
    errors: [400, 401, 403, 409, 413, 429, 503],
  },
  {
    method: 'post',
    path: '/v1/auth/login',
    summary: 'Sign in',
    description:
      'The same 401 for an unknown email and a wrong password. Too many failures for one ' +
      `email or IP in 15 minutes: 429, even with the right password.${SETS_COOKIE}`,
    tag: TAG,
    security: [],
    body: LoginSchema,
    responses: { 200: { description: 'Signed in.', schema: MemberResponseSchema } },
    errors: [400, 401, 403, 413, 429, 503],
  },
  {
    method: 'post',
    path: '/v1/auth/logout',
    summary: 'Sign out',
    description: 'Ends the session on the server and clears the cookie.',
    tag: TAG,
    security: session,
    responses: { 204: { description: 'Signed out.' } },
    errors: [403, 503],
  },
  {
    method: 'get',
    path: '/v1/auth/session',
    summary: 'Who is signed in, if anyone',
    description: "200 either way: the dashboard's first call.",
    tag: TAG,
    security: session,
    responses: { 200: { description: 'The session.', schema: SessionStatusSchema } },
    errors: [503],
  },
  {
    method: 'get',
    path: '/v1/auth/me',
    summary: 'The signed-in member',
    tag: TAG,
    security: session,
    responses: { 200: { description: 'The member.', schema: MemberResponseSchema } },
    errors: [401, 503],
  },
  {
    method: 'post',
    path: '/v1/auth/password',
    summary: 'Change my password',
    description: 'Signs out every other session and voids pending reset links.',
    tag: TAG,
    security: session,
    body: PasswordChangeSchema,
    responses: { 204: { description: 'Changed.' } },
    errors: [400, 401, 403, 413, 429, 503],
  },
  {
    method: 'post',
    path: '/v1/auth/logout-everywhere',
    summary: 'Sign out on every device',
    tag: TAG,
    security: session,
    responses: { 204: { description: 'Every session ended.' } },
    errors: [401, 403, 503],
  },
  {
    method: 'get',
    path: '/v1/auth/invite',
    summary: 'Look at an invite before accepting it',
    tag: TAG,
    security: [],
    query: v.object({ code: CodeSchema }),
    responses: { 200: { description: 'The invite.', schema: InvitePreviewResponseSchema } },
    errors: [400, 404, 503],
  },
  {
    method: 'post',
    path: '/v1/auth/accept',
    summary: 'Accept an invite (or a password reset link)',
    description: `\`code\` is the \`code\` query parameter of the invite's URL; \`name\` is needed for someone new.${SETS_COOKIE}`,
    tag: TAG,
    security: [],
    body: AcceptSchema,
    responses: { 200: { description: 'The member, signed in.', schema: MemberResponseSchema } },
    errors: [400, 403, 404, 409, 413, 503],
  },
  {
    method: 'get',
    path: '/v1/auth/password-reset',
    summary: 'Whether "Forgot password?" sends an email',
    tag: TAG,
    security: [],
    responses: { 200: { description: 'How resets work here.', schema: PasswordResetStatusSchema } },
  },
  {
    method: 'post',
    path: '/v1/auth/password-reset',
    summary: 'Ask for a password reset link',
    description: 'The answer never says whether the email belongs to anyone.',
    tag: TAG,
    security: [],
    body: ResetRequestSchema,
    responses: { 202: { description: 'Asked.', schema: PasswordResetStatusSchema } },
    errors: [400, 403, 413, 429, 503],
  },
  {
    method: 'post',
    path: '/v1/auth/password-reset/confirm',
    summary: 'Set a new password with a reset link',
    description: `Single use; the link works for an hour.${SETS_COOKIE}`,
    tag: TAG,
    security: [],
    body: ResetConfirmSchema,
    responses: { 200: { description: 'The member, signed in.', schema: MemberResponseSchema } },
    errors: [400, 403, 404, 413, 429, 503],
  },
]
