import type { AuditLine } from '../events/commit'
import type {
  ChangelogChanges,
  ChangelogWrite,
  DeletedEntry,
  ShippedChange,
} from '../store/changelog-store'

/** Publishing an entry, and each linked request it made done. */
export function shippingLines(shipped: ShippedChange): AuditLine[] {
  const { entry } = shipped
  const published: AuditLine[] = shipped.newlyPublished
    ? [
        {
          action: 'changelog.published',
          target: entry.id,
          detail: { title: entry.title, requestIds: shipped.shippedRequestIds },
        },
      ]
    : []
  return [
    ...published,
    ...shipped.newlyDoneRequestIds.map((requestId) => ({
      action: 'request.status',
      target: requestId,
      detail: {
        status: 'done',
        changelogEntry: entry.id,
        ...(shipped.clearedNoteRequestIds.includes(requestId) ? { statusNote: null } : {}),
      },
    })),
  ]
}

/**
 * The line for editing or unpublishing an entry people may already have read; null for a
 * draft (never public) or an edit that changed none of title, body and links.
 */
export function publishedEditLine(
  write: ChangelogWrite,
  changes: ChangelogChanges,
): AuditLine | null {
  if (!write.wasPublished) return null
  const fields = (['title', 'body', 'requestIds'] as const).filter(
    (field) => changes[field] !== undefined,
  )
  const unpublished = changes.publish === false
  if (!unpublished && fields.length === 0) return null
  return {
    action: unpublished ? 'changelog.unpublished' : 'changelog.updated',
    target: write.entry.id,
    detail: { title: write.entry.title, fields },
  }
}

/** The line for deleting a published entry; drafts leave none. */
export function publishedDeletionLine(deleted: DeletedEntry): AuditLine | null {
  if (!deleted.wasPublished) return null
  return { action: 'changelog.deleted', target: deleted.id, detail: { title: deleted.title } }
}
