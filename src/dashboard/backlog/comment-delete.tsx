import type { AdminComment } from '../../shared/api'
import { AskFirstButton } from '../ui/ask-first-button'

/**
 * The team removing a comment from the drawer's thread (spec v3 "Editing your own words"):
 * asked first, then gone for good (the thread is recounted, the deletion audited, nobody told).
 * Any comment: a customer's, a visitor's, a reply or an internal note.
 */
export function CommentDeleteButton({
  comment,
  onDelete,
}: {
  comment: AdminComment
  onDelete: (comment: AdminComment) => Promise<void>
}) {
  const what = comment.internal ? 'note' : 'comment'
  return (
    <AskFirstButton
      label="Delete"
      name={`Delete the ${what} by ${comment.author.name}`}
      question={`Delete this ${what} for good? Nobody is told, and it cannot be brought back.`}
      confirmLabel={`Delete ${what}`}
      danger
      onConfirm={() => onDelete(comment)}
    />
  )
}
