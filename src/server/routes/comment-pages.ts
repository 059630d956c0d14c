import { Hono } from 'hono'
import type { CommentPageResponse } from '../../shared/api'
import { invalid, notFound } from '../errors'
import { commentCursor, readCommentPageQuery } from '../http/comment-cursor'
import type { AppEnv, RouteDeps } from '../http/env'
import { toPublicComment } from '../http/wire'

/**
 * GET /v1/projects/:projectId/requests/:requestId/comments?cursor=&limit=: pages back through
 * a thread older than what the request's detail carries, oldest first within a page;
 * `nextCursor` is null once the first comment has been reached.
 */
export function commentPagesRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get(
    '/v1/projects/:projectId/requests/:requestId/comments',
    async (c) => {
      const { beforeId, limit } = readCommentPageQuery({
        cursor: c.req.query('cursor'),
        limit: c.req.query('limit'),
      })
      const projectId = c.get('project').id
      const viewer = c.get('actor')?.voter ?? null
      const request = await deps.store.requests.findStanding(
        projectId,
        c.req.param('requestId'),
        null,
      )
      if (!request) throw notFound.request()
      const page = await deps.store.comments.publicPage(projectId, request.id, beforeId, limit)
      if (!page) throw invalid('cursor', 'cursor: no such comment in this project')
      const oldest = page.comments[0]
      const body: CommentPageResponse = {
        comments: page.comments.map((comment) => toPublicComment(comment, viewer)),
        nextCursor: page.hasOlder && oldest ? commentCursor(oldest.id) : null,
      }
      return c.json(body)
    },
  )
}
