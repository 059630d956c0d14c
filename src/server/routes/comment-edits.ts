import type { Context } from 'hono'
import { Hono } from 'hono'
import type { CommentResponse } from '../../shared/api'
import { forbidden, notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { toPublicComment } from '../http/wire'
import type { Actor, Store } from '../store'
import type { CommentRecord } from '../store/comments-store'
import { deleteComment, editCommentBody } from '../store/word-edits'
import { requireActor } from './actor'
import { requireCommenter } from './comments'
import { CommentEditSchema } from './edit-schemas'
import { standingRequestOrNotFound } from './standing-request'

type CommentPath = '/:requestId/comments/:commentId'

/**
 * spec v3 "Editing your own words": PATCH and DELETE
 * /v1/projects/:projectId/requests/:requestId/comments/:commentId, by the comment's author only:
 * the same person (their token, on any device: identify made their anonymous comments theirs)
 * or the same anonymous id. Anyone else, and any team reply or note, 403 forbidden. Nobody is
 * told: the contract has no event for an edited or deleted comment.
 */
export function commentEditsRoutes(deps: RouteDeps) {
  const path = '/v1/projects/:projectId/requests/:requestId/comments/:commentId'
  return new Hono<AppEnv>()
    .patch(path, async (c) => {
      const input = await readJsonBody(c, CommentEditSchema)
      const { comment, actor } = await editOwnComment(deps, c, input.body)
      return c.json({ comment: toPublicComment(comment, actor.voter) } satisfies CommentResponse)
    })
    .delete(path, async (c) => {
      await deleteOwnComment(deps, c)
      return c.body(null, 204)
    })
}

/** The author's new words for their comment; shared with the portal (portal-word-edits.ts). */
export async function editOwnComment(
  deps: RouteDeps,
  c: Context<AppEnv, CommentPath>,
  body: string,
): Promise<{ comment: CommentRecord; actor: Actor }> {
  // Editing is writing: where anonymous visitors may no longer comment, they may not edit either.
  const actor = requireCommenter(c)
  const thread = await standingRequestOrNotFound(deps, c, null)
  const comment = await commit(deps, c, async (w) => {
    const own = await ownCommentOrRefuse(w.store, c, actor, thread.id)
    await editCommentBody(w.tx, own.projectId, own.id, body, w.now)
    const edited = await w.store.comments.find(own.projectId, own.id)
    if (!edited) throw new Error('comment vanished in its own transaction')
    return edited
  })
  return { comment, actor }
}

/** The author withdraws their comment (always allowed, even where commenting no longer is). */
export async function deleteOwnComment(
  deps: RouteDeps,
  c: Context<AppEnv, CommentPath>,
): Promise<CommentRecord> {
  const actor = requireActor(c)
  const thread = await standingRequestOrNotFound(deps, c, null)
  return commit(deps, c, async (w) => {
    const own = await ownCommentOrRefuse(w.store, c, actor, thread.id)
    await deleteComment(w.tx, own.projectId, own.id)
    return own
  })
}

/**
 * The path's comment when the caller wrote it, read in the change's transaction: 404 when it is
 * not in the thread `threadId` (the path's request, or the one it was merged into), 403 when
 * someone else wrote it or it is the team's.
 */
async function ownCommentOrRefuse(
  store: Store,
  c: Context<AppEnv, CommentPath>,
  actor: Actor,
  threadId: string,
): Promise<CommentRecord> {
  const comment = await store.comments.find(c.get('project').id, c.req.param('commentId'))
  if (!comment || comment.requestId !== threadId) {
    throw notFound.thing('No such comment on this request.')
  }
  if (comment.kind === 'team' || comment.authorVoter !== actor.voter) {
    throw forbidden('Only the person who wrote a comment may change it.')
  }
  return comment
}
