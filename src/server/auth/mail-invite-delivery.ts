import type { CreatedInvite } from '../../shared/team-api'
import type { MailTransport } from '../jobs/mail/transport'
import type { Logger } from '../logger'
import { copyLinkOnlyDelivery, type InviteDelivery } from './invite-delivery'
import { ADMIN_TOKEN_ACTOR } from './team-actor'

/**
 * With SMTP configured, an invite (or a reset link) is also emailed to the person; the link is
 * still shown to copy, and a failed send is logged without undoing the invite. Without SMTP the
 * owner copies the link, as before.
 */
export function inviteDeliveryFor(mail: MailTransport, logger: Logger): InviteDelivery {
  if (mail.mode !== 'smtp') return copyLinkOnlyDelivery
  return {
    async deliver(invite: CreatedInvite, actor: string) {
      const invitedBy = actor === ADMIN_TOKEN_ACTOR ? 'Your Reqio admin' : actor
      const what = invite.reset
        ? 'reset your Reqio password'
        : `join the team on Reqio as ${invite.role}`
      try {
        await mail.send({
          projectId: '',
          to: invite.email,
          subject: invite.reset ? 'Reset your Reqio password' : 'You are invited to Reqio',
          text: `${invitedBy} invites you to ${what}:\n\n${invite.url}\n\nThe link works until ${invite.expiresAt}.\n`,
          html: `<p>${escapeHtml(invitedBy)} invites you to ${escapeHtml(what)}:</p><p><a href="${escapeHtml(invite.url)}">${escapeHtml(invite.url)}</a></p><p>The link works until ${escapeHtml(invite.expiresAt)}.</p>`,
          headers: {},
          messageId: `<invite-${invite.id}@reqio>`,
        })
      } catch {
        logger.warn('an invite email could not be sent; the link is shown to copy')
      }
    },
  }
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}
