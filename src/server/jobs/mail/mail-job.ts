import { isSingleEmailAddress } from '../../../shared/email-address'
import type { Clock } from '../../clock'
import { requestLinkOf } from '../../portal/request-link'
import type { Store } from '../../store'
import { unfollowedAmong } from '../../store/following-store'
import type { MailItem } from '../../store/mail-store'
import { mutedKinds } from '../../store/notification-preferences-store'
import type { JobHandler } from '../job-handler'
import { emailPreferencesToken, emailPreferencesUrl } from './email-preferences-link'
import { renderNotificationEmail } from './render'
import type { MailTransport } from './transport'
import { UNSUBSCRIBE_KEY_NAME, unsubscribeToken, unsubscribeUrl } from './unsubscribe-link'

/** SMTP down: try again soon, then less often, for about a day. */
export const DEFAULT_MAIL_RETRY_SECONDS = [5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 43200]

/**
 * Sends a person one email with every item waiting for them. Items are bound to this job
 * before sending, so an item that arrives meanwhile waits for the next email; once the SMTP
 * server accepts, the items are marked sent in the job's closing transaction.
 */
export function mailJobHandler(options: {
  store: Store
  clock: Clock
  transport: MailTransport
  publicUrl: string
  retrySeconds: readonly number[]
}): JobHandler<{ itemIds: number[] }> {
  const { store, transport } = options
  return {
    retrySeconds: options.retrySeconds,
    async run(job) {
      const projectId = job.projectId ?? ''
      const personId = (job.payload as { personId: number }).personId
      const items = await store.mail.bindItems(projectId, personId, job.id)
      const itemIds = items.map((item) => item.id)
      const recipient = await store.mail.recipient(projectId, personId)
      // Unsubscribed, email gone, or mail turned off since: the items are dropped, not kept.
      if (items.length === 0 || !recipient || recipient.unsubscribed || transport.mode === 'off')
        return { itemIds }
      // Stored before emails were checked, and not one address: nobody is mailed.
      if (!isSingleEmailAddress(recipient.email)) return { itemIds }
      const wanted = await stillWanted(store, personId, items)
      if (wanted.length === 0) return { itemIds }
      const project = await store.projects.find(projectId)
      if (!project) return { itemIds }
      const key = await store.mail.serverKey(UNSUBSCRIBE_KEY_NAME)
      const unsubscribe = unsubscribeUrl(
        options.publicUrl,
        unsubscribeToken(key, projectId, personId),
      )
      const email = renderNotificationEmail({
        projectName: recipient.projectName,
        items: wanted.map((item) => item.detail),
        requestUrl: (requestId) => requestLinkOf(project, requestId, options.publicUrl),
        unsubscribeUrl: unsubscribe,
        preferencesUrl: emailPreferencesUrl(
          options.publicUrl,
          projectId,
          emailPreferencesToken(key, projectId, personId),
        ),
      })
      await transport.send({
        projectId,
        to: recipient.email,
        ...email,
        headers: {
          'List-Unsubscribe': `<${unsubscribe}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
        messageId: `<mail-${job.id}@${new URL(options.publicUrl).hostname || 'reqio'}>`,
      })
      return { itemIds }
    },
    async onSuccess(tx, done) {
      const itemIds = done.flatMap(({ result }) => result.itemIds)
      await store.mail.markSent(tx, itemIds, options.clock.now())
    },
  }
}

/**
 * The items the person still wants as the email leaves: news queued before they unfollowed its
 * request or turned its kind off (within the coalescing window) is dropped with the rest.
 */
async function stillWanted(store: Store, personId: number, items: MailItem[]) {
  const requestIds = [...new Set(items.map((item) => item.detail.requestId))]
  const [muted, unfollowed] = await Promise.all([
    mutedKinds(store.db, personId),
    unfollowedAmong(store.db, personId, requestIds),
  ])
  return items.filter(
    (item) => !muted.has(item.detail.kind) && !unfollowed.has(item.detail.requestId),
  )
}
