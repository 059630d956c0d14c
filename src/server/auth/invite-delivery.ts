import type { CreatedInvite } from '../../shared/team-api'

/**
 * How an invite reaches the invited person. Today the owner copies the link from the Members
 * page; once mail sending exists (issue 14), a mail-backed delivery goes in AppDeps.inviteDelivery
 * and the invite route calls it after the invite is stored. A failed delivery never undoes the
 * invite: the link is still shown to copy.
 */
export interface InviteDelivery {
  deliver(invite: CreatedInvite, invitedBy: string): Promise<void>
}

export const copyLinkOnlyDelivery: InviteDelivery = {
  async deliver() {},
}
