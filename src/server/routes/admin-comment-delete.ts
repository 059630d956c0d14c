import { Hono } from 'hono'
import { notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { deleteComment } from '../store/word-edits'

/**
 * spec v3 "Editing your own words": DELETE /v1/admin/projects/:id/comments/:cid, the team
 * removing any comment (a customer's, a visitor's, a reply, an internal note) for good. The
 * thread is recounted in the same transaction and the deletion audited; nobody else is told.
 */
export function adminCommentDeleteRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().delete('/comments/:cid', async (c) => {
    const projectId = c.get('project').id
    await commit(deps, c, async (w) => {
      const removed = await deleteComment(w.tx, projectId, c.req.param('cid'))
      if (!removed) throw notFound.thing('No such comment in this project.')
      await w.audit({
        action: 'comment.deleted',
        target: c.req.param('cid'),
        detail: { requestId: removed.requestId },
      })
    })
    return c.body(null, 204)
  })
}
