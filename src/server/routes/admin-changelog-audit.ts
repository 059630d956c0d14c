import type { AuditStore } from '../store/audit-store'
import type { ChangelogChanges, OnDeleted, OnEdited } from '../store/changelog-store'

/**
 * The audit lines for what happens to an entry people may already have read: editing,
 * unpublishing or deleting a published one (publishing itself is recorded where it ships).
 * Drafts were never public, so their edits and deletions leave no line.
 */
export function auditPublishedEdit(
  audit: AuditStore,
  who: { projectId: string; actor: string; now: number },
  changes: ChangelogChanges,
): OnEdited {
  return async (tx, { entry, wasPublished }) => {
    if (!wasPublished) return
    const fields = (['title', 'body', 'requestIds'] as const).filter(
      (field) => changes[field] !== undefined,
    )
    const unpublished = changes.publish === false
    if (!unpublished && fields.length === 0) return
    await audit.record(
      {
        ...who,
        action: unpublished ? 'changelog.unpublished' : 'changelog.updated',
        target: entry.id,
        detail: { title: entry.title, fields },
      },
      tx,
    )
  }
}

export function auditPublishedDeletion(
  audit: AuditStore,
  who: { projectId: string; actor: string; now: number },
): OnDeleted {
  return async (tx, { id, title, wasPublished }) => {
    if (!wasPublished) return
    await audit.record({ ...who, action: 'changelog.deleted', target: id, detail: { title } }, tx)
  }
}
