import { ADMIN_TOKEN_ACTOR } from '../auth/team-actor'
import { changelogPublished } from '../events/build'
import { enqueueEvent } from '../events/events'
import type { OnChangelogPublished } from '../hooks/changelog-published'

/**
 * The publishing seam connected to the queue: an entry published (or a published entry given
 * new links) tells the people of the requests it shipped, and the owner's webhooks.
 */
export const enqueueChangelogPublished: OnChangelogPublished = async (tx, event) => {
  const teamMemberEmail = event.actor === ADMIN_TOKEN_ACTOR ? null : event.actor
  const published = changelogPublished(event.projectId, event, teamMemberEmail)
  if (published) await enqueueEvent(tx, published, event.now)
}
