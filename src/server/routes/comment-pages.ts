import { Hono } from 'hono'
import type { CommentPageResponse } from '../../shared/api'
import { invalid } from '../errors'
import { readCommentPageQuery, toPublicCommentPage } from '../http/comment-cursor'
import type { AppEnv, RouteDeps } from '../http/env'
import { standingRequestOrNotFound } from './standing-request'

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
      const request = await standingRequestOrNotFound(deps, c, null)
      const page = await deps.store.comments.publicPage(projectId, request.id, beforeId, limit)
      if (!page) throw invalid('cursor', 'cursor: no such comment in this project')
      const body: CommentPageResponse = toPublicCommentPage(page, viewer)
      return c.json(body)
    },
  )
}
