import { useEffect, useRef, useState } from 'preact/hooks'
import type { AdminComment, AdminRequestDetail } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { formatDateTime } from '../format/dates'
import { formatMoney } from '../format/money'
import { AttachmentThumbnails } from '../ui/attachment-thumbnails'
import { CommentDeleteButton } from './comment-delete'
import { ReplyBox } from './reply-box'

const KIND_LABELS = {
  team: 'Team reply',
  customer: 'Customer',
  visitor: 'Anonymous visitor',
} as const

/**
 * A request's whole thread as the team sees it: internal notes and hidden comments included
 * and marked, each identified commenter's email, plan and MRR; then the reply box, so the
 * answer is written right under what it answers. Reply, note, hide and unhide. A long thread
 * scrolls in its own box, opened at its newest comment, so the reply box stays near the top of
 * the drawer instead of under fifty comments.
 */
export function RequestThread({
  client,
  projectId,
  requestId,
  detail,
  loadError,
  onChanged,
  onReplyUnsaved,
  canTriage = true,
}: {
  client: AdminClient
  projectId: string
  requestId: string
  /** Null while the request loads (use-request-detail.ts). */
  detail: AdminRequestDetail | null
  loadError: string | null
  /** After a reply, note or moderation: the drawer reloads and the backlog's counts change. */
  onChanged: () => Promise<void>
  /** Told whether a reply is typed but not sent (reply-box.tsx). */
  onReplyUnsaved?: (unsaved: boolean) => void
  /** Viewers read the thread; replying, notes and moderation are triage. */
  canTriage?: boolean
}) {
  const [error, setError] = useState<string | null>(null)
  const scrollBox = useRef<HTMLDivElement>(null)
  const count = detail?.comments.length ?? 0
  // Opened, or a comment added: the newest (last) comment sits just above the reply box.
  useEffect(() => {
    const box = scrollBox.current
    if (box && count > 0) box.scrollTop = box.scrollHeight
  }, [count])

  async function send(comment: { body: string; internal: boolean }) {
    const result = await client.addComment(projectId, requestId, comment)
    if (!result.ok) return `Not saved: ${result.message}`
    await onChanged()
    return null
  }

  async function setHidden(comment: AdminComment, hidden: boolean) {
    const result = await client.setCommentHidden(projectId, comment.id, hidden)
    if (!result.ok) setError(`Not saved: ${result.message}`)
    else {
      setError(null)
      await onChanged()
    }
  }

  async function deleteComment(comment: AdminComment) {
    const result = await client.deleteComment(projectId, comment.id)
    if (!result.ok) setError(`Not deleted: ${result.message}`)
    else {
      setError(null)
      await onChanged()
    }
  }

  const problem = error ?? loadError
  return (
    <section class="thread drawer-section" aria-label="Comments">
      <h3>Comments</h3>
      {problem ? <p role="alert">{problem}</p> : null}
      {detail === null && !problem ? <p class="hint">Loading the thread…</p> : null}
      {detail && detail.comments.length === 0 ? <p class="hint">No comments yet.</p> : null}
      {detail && detail.comments.length > 0 ? (
        // Focusable so a keyboard can scroll the thread in its box.
        <div
          ref={scrollBox}
          class="thread-scroll"
          tabIndex={0}
          role="region"
          aria-label="Thread, oldest first"
        >
          <ol class="comments">
            {detail.comments.map((comment) => (
              <CommentEntry
                key={comment.id}
                comment={comment}
                onHidden={canTriage ? setHidden : undefined}
                onDelete={canTriage ? deleteComment : undefined}
              />
            ))}
          </ol>
        </div>
      ) : null}
      {canTriage ? <ReplyBox onSend={send} onUnsavedChange={onReplyUnsaved} /> : null}
    </section>
  )
}

function CommentEntry({
  comment,
  onHidden,
  onDelete,
}: {
  comment: AdminComment
  /** Absent for a viewer, who cannot hide comments. */
  onHidden?: (comment: AdminComment, hidden: boolean) => void
  /** Absent for a viewer, who cannot delete comments (comment-delete.tsx). */
  onDelete?: (comment: AdminComment) => Promise<void>
}) {
  const { author } = comment
  const kind = comment.internal ? 'Internal note' : KIND_LABELS[author.kind]
  const classes = ['comment', `comment-${author.kind}`]
  if (comment.internal) classes.push('comment-internal')
  if (comment.hidden) classes.push('comment-hidden')
  return (
    <li class={classes.join(' ')} aria-label={`${kind} by ${author.name}`}>
      <header>
        <strong>{author.name}</strong> <span class="comment-kind">{kind}</span>
        {comment.hidden ? <span class="comment-kind">Hidden</span> : null}
        {comment.editedAt ? <span class="comment-kind">Edited</span> : null}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
      </header>
      {author.sub ? (
        <p class="comment-facts">
          {author.email ?? author.sub} · {author.plan ?? 'no plan'} ·{' '}
          {formatMoney(author.mrrCents ?? 0)} MRR
          {author.company ? ` · ${author.company.name ?? author.company.id}` : ''}
        </p>
      ) : null}
      <p class="comment-body">{comment.body}</p>
      <AttachmentThumbnails
        attachments={comment.attachments}
        label={`Images of ${author.name}'s comment`}
        withheld={comment.hidden}
      />
      {comment.internal || !onHidden ? null : (
        <button type="button" class="link" onClick={() => onHidden(comment, !comment.hidden)}>
          {comment.hidden ? 'Unhide' : 'Hide'}
        </button>
      )}
      {onDelete ? <CommentDeleteButton comment={comment} onDelete={onDelete} /> : null}
    </li>
  )
}
