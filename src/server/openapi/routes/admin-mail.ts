import { TestEmailSchema } from '../../routes/admin-mail'
import type { RouteDoc } from '../route-doc'
import { MailSetupResponseSchema, TestEmailResponseSchema } from '../schemas/admin-team'
import { adminDoc, adminErrors, BODY } from './admin-doc-parts'

const tag = 'Admin: mail'

/** The server's email set-up and its test email: owner and admin only. */
export const adminMailDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/mail',
    tag,
    summary: 'How this server sends email',
    description:
      'SMTP, kept (demo) or off, the sender, the SMTP host and port (never its credentials) and the base of links.',
    responses: { 200: { description: 'The email set-up.', schema: MailSetupResponseSchema } },
    errors: adminErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/mail/test',
    tag,
    summary: 'Send a test email',
    description:
      'Through the real transport, to `to` or the signed-in member (the admin token must give `to`: else 400). Mail not on SMTP: 409 conflict; more than 5 tests per person in 10 minutes: 429.',
    body: TestEmailSchema,
    responses: {
      200: { description: 'What the SMTP server said.', schema: TestEmailResponseSchema },
    },
    errors: adminErrors(BODY, 409),
  }),
]
