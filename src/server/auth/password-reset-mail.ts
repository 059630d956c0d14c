import type { CreatedInvite } from '../../shared/team-api'
import type { MailTransport } from '../jobs/mail/transport'

/** An emailed reset link works this long: enough to open the email, short enough to go stale. */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000

/**
 * The "Forgot password?" email: the link, how long it works, and what to do when someone else
 * asked. Sent straight through the transport, not the job queue: the queue's rows would keep the
 * link's code in clear, and a copy of the database must reset nobody's password.
 */
export async function sendPasswordResetMail(mail: MailTransport, link: CreatedInvite) {
  const minutes = Math.round(PASSWORD_RESET_LIFETIME_MS / 60_000)
  const ignore =
    'If you did not ask for it, ignore this email: your password stays as it is, and the link stops working on its own.'
  await mail.send({
    projectId: '',
    to: link.email,
    subject: 'Reset your Reqio password',
    text: `Someone (we hope you) asked to reset the password of your Reqio dashboard account.\n\nChoose a new password here (the link works once, for ${minutes} minutes):\n\n${link.url}\n\n${ignore}\n`,
    html: `<p>Someone (we hope you) asked to reset the password of your Reqio dashboard account.</p><p>Choose a new password here (the link works once, for ${minutes} minutes):</p><p><a href="${escapeHtml(link.url)}">Choose a new password</a></p><p>${ignore}</p>`,
    headers: {},
    messageId: `<password-reset-${link.id}@reqio>`,
  })
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}
