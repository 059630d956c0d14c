import type { ShippedChange } from '../store/changelog-store'
import type { SqlExecutor } from '../store/db'

/**
 * What a changelog write shipped: the entry was published (`newlyPublished`), or a published
 * entry got new links. Close-the-loop hangs off this: tell the people of
 * `shippedRequestIds` (updates of kind `shipped`, email) and, when `newlyPublished`, fire the
 * `changelog.published` webhook.
 */
export interface ChangelogPublished extends ShippedChange {
  projectId: string
  /** The audit actor: the member's email, or 'admin-token'. */
  actor: string
  now: number
}

/**
 * Runs inside the publishing transaction (`tx`), after the linked requests became done, so
 * whatever it enqueues commits or rolls back with the publishing itself. Throwing rolls back.
 */
export type OnChangelogPublished = (tx: SqlExecutor, event: ChangelogPublished) => Promise<void>

/** Until the updates queue is connected (issue 14), publishing tells no one. */
export const noChangelogPublishedHook: OnChangelogPublished = async () => {}
