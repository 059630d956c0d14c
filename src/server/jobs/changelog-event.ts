import { ADMIN_TOKEN_ACTOR } from '../auth/team-actor'
import type { OnChangelogPublished } from '../hooks/changelog-published'
import { enqueueEvent } from './events'

/**
 * The publishing seam connected to the queue: an entry published (or a published entry given
 * new links) tells the people of the requests it shipped, and the owner's webhooks.
 */
export const enqueueChangelogPublished: OnChangelogPublished = async (tx, event) => {
  if (!event.newlyPublished && event.shippedRequestIds.length === 0) return
  await enqueueEvent(
    tx,
    {
      type: 'changelog.published',
      projectId: event.projectId,
      entryId: event.entry.id,
      title: event.entry.title,
      requestIds: event.shippedRequestIds,
      teamMemberEmail: event.actor === ADMIN_TOKEN_ACTOR ? null : event.actor,
    },
    event.now,
  )
}
