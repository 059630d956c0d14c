import type { CreatedInvite } from '../../shared/team-api'

/**
 * How an invite reaches the invited person: by email when SMTP is configured
 * (auth/mail-invite-delivery.ts), called after the invite is stored; the owner can always copy the
 * link from the Members page. A failed delivery never undoes the invite: the link is still shown.
 */
export interface InviteDelivery {
  deliver(invite: CreatedInvite, invitedBy: string): Promise<void>
}

export const copyLinkOnlyDelivery: InviteDelivery = {
  async deliver() {},
}
