import { randomUUID } from 'node:crypto'
import type { MailTransport } from '../jobs/mail/transport'

/** Nodemailer's error fields we read; its message may quote more than we want to show. */
interface SmtpFailure {
  code?: string
  responseCode?: number
  response?: string
}

/** What a site owner can act on, from what the SMTP client reported. */
export function describeSmtpFailure(error: unknown, server: string | null): string {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure
  const where = server ?? 'REQIO_SMTP_URL'
  if (failure.code === 'EAUTH')
    return `The SMTP server at ${where} refused the user name or password in REQIO_SMTP_URL.`
  if (failure.response)
    return `The SMTP server at ${where} did not accept the email: ${failure.response.slice(0, 300)}`
  if (failure.code === 'ETIMEDOUT')
    return `The SMTP server at ${where} did not answer in time. Check the host and port in REQIO_SMTP_URL.`
  if (failure.code === 'ECONNECTION' || failure.code === 'ESOCKET' || failure.code === 'EDNS')
    return `The SMTP server at ${where} could not be reached (${failure.code}). Check the host and port in REQIO_SMTP_URL.`
  return `The email could not be sent through ${where}${failure.code ? ` (${failure.code})` : ''}.`
}

/**
 * One email through the same transport notifications use, so it proves what they depend on:
 * the SMTP URL, its credentials and the From address. Answers null once the server accepted
 * it, else the reason in words.
 */
export async function sendTestEmail(
  mail: MailTransport,
  input: { to: string; from: string; server: string | null; publicUrl: string; nowMs: number },
): Promise<string | null> {
  const text = [
    'This is a test email from Reqio.',
    '',
    `It went out through ${input.server ?? 'your SMTP server'} as ${input.from}, the way`,
    'notifications and team invites do, so those will arrive too.',
    '',
    `Links in emails point to ${input.publicUrl}.`,
  ].join('\n')
  try {
    await mail.send({
      projectId: '',
      to: input.to,
      subject: 'Reqio test email',
      text: `${text}\n`,
      html: `<p>${text.split('\n\n').map(escapeHtml).join('</p><p>')}</p>`,
      headers: {},
      messageId: `<test-${input.nowMs}-${randomUUID()}@reqio>`,
    })
    return null
  } catch (error) {
    return describeSmtpFailure(error, input.server)
  }
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}
