import { Hono } from 'hono'
import * as v from 'valibot'
import type { MailSetupResponse, TestEmailResponse } from '../../shared/mail-setup'
import { EmailSchema } from '../auth/members'
import { actingMember } from '../auth/team-actor'
import { conflict, invalid } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { RateLimitedError } from '../http/rate-limited'
import { smtpServerName } from '../mail/smtp-server-name'
import { sendTestEmail } from '../mail/test-email'

export const TestEmailSchema = v.object({ to: v.optional(EmailSchema) })

/** A stolen session must not turn the server into a mail cannon: a few tests per person. */
export const TEST_EMAILS_PER_10_MINUTES = 5
const TEN_MINUTES_MS = 10 * 60 * 1000

/**
 * The server's email set-up for the dashboard's "Webhooks & mail" page: how mail leaves (never
 * the SMTP credentials), and "Send a test email" through the real transport, to the signed-in
 * member or a typed address. Owner and admin only (auth/admin-route-permissions.ts).
 */
export function adminMailRoutes(deps: RouteDeps) {
  const mail = deps.notifications.mail
  const { smtpUrl, mailFrom, publicUrl } = deps.notifications.config
  const server = smtpServerName(smtpUrl)

  return new Hono<AppEnv>()
    .get('/', (c) => {
      const body: MailSetupResponse = {
        mail: mail.mode,
        from: mailFrom,
        server: mail.mode === 'smtp' ? server : null,
        publicUrl,
        signedInEmail: actingMember(c)?.email ?? null,
      }
      return c.json(body)
    })
    .post('/test', async (c) => {
      const input = await readJsonBody(c, TestEmailSchema)
      const to = input.to ?? actingMember(c)?.email
      if (!to) throw invalid('to', 'to: the admin token has no email address; give one in `to`.')
      if (mail.mode !== 'smtp')
        throw conflict(
          mail.mode === 'kept'
            ? 'Email is not sent in demo mode: set REQIO_SMTP_URL to send real email, then test it.'
            : 'Email is off: set REQIO_SMTP_URL (and REQIO_MAIL_FROM, REQIO_PUBLIC_URL), then test it.',
        )
      const verdict = await deps.rateLimiter.hit(
        `test-email:${actingMember(c)?.id ?? 'admin-token'}`,
        TEST_EMAILS_PER_10_MINUTES,
        TEN_MINUTES_MS,
      )
      if (!verdict.allowed)
        throw new RateLimitedError(
          'test_emails',
          verdict.retryAfterSeconds,
          `At most ${TEST_EMAILS_PER_10_MINUTES} test emails per 10 minutes; try again shortly.`,
        )
      const problem = await sendTestEmail(mail, {
        to,
        from: mailFrom,
        server,
        publicUrl,
        nowMs: deps.clock.now(),
      })
      if (problem) deps.logger.warn('a test email was not accepted by the SMTP server')
      const body: TestEmailResponse = { to, from: mailFrom, sent: problem === null, problem }
      return c.json(body)
    })
}
