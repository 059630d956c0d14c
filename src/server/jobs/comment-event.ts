import { toPublicComment } from '../http/wire'
import type { CommentRecord } from '../store/comments-store'
import type { SqlExecutor } from '../store/db'
import { enqueueEvent } from './events'

/**
 * Queues `comment.created` for a comment just written in `tx`, so people following the request
 * hear of a team reply (and webhooks of every comment) only if the comment commits.
 */
export async function enqueueCommentCreated(
  tx: SqlExecutor,
  comment: CommentRecord,
  teamMemberEmail: string | null,
  now: number,
): Promise<void> {
  await enqueueEvent(
    tx,
    {
      type: 'comment.created',
      projectId: comment.projectId,
      requestId: comment.requestId,
      commentId: comment.id,
      body: comment.body,
      kind: comment.kind,
      internal: comment.internal,
      authorName: toPublicComment(comment, null).author.name,
      authorSub: comment.kind === 'customer' ? (comment.person?.sub ?? null) : null,
      teamMemberEmail,
    },
    now,
  )
}
