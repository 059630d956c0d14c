import type { Context } from 'hono'
import { Hono } from 'hono'
import type { CommentResponse, RequestDetailResponse } from '../../shared/api'
import { COMMENTS_PAGE_SIZE } from '../../shared/limits'
import { ApiError, identityRequired, notFound } from '../errors'
import { commentCreated } from '../events/build'
import { commit } from '../events/commit'
import { toPublicCommentPage } from '../http/comment-cursor'
import type { AppEnv, RouteDeps } from '../http/env'
import { answerCreated, readIdempotencyKey } from '../http/idempotency'
import { readJsonBody } from '../http/json-body'
import { toPublicComment, toPublicRequest } from '../http/wire'
import { takeCommentAllowance } from '../limits/comment-caps'
import type { Actor } from '../store'
import { requireActor } from './actor'
import { NewCommentSchema } from './request-schemas'
import { standingRequestOrNotFound } from './standing-request'

/**
 * The public thread: GET a request with its newest comments (oldest first among them, plus a
 * cursor to the older ones: comment-pages.ts; a merged request answers the one it was merged
 * into) and POST a comment, within the comment caps. Hidden comments and internal notes never
 * leave the server here.
 */
export function commentsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/v1/projects/:projectId/requests/:requestId', async (c) => {
      const projectId = c.get('project').id
      const viewer = c.get('actor')?.voter ?? null
      const request = await standingRequestOrNotFound(deps, c, viewer)
      // Without a cursor there is always a page (empty for a thread without comments).
      const page = await deps.store.comments.publicPage(
        projectId,
        request.id,
        null,
        COMMENTS_PAGE_SIZE,
      )
      const thread = toPublicCommentPage(page ?? { comments: [], hasOlder: false }, viewer)
      const body: RequestDetailResponse = {
        request: {
          ...toPublicRequest(request, viewer),
          comments: thread.comments,
          commentsCursor: thread.nextCursor,
        },
      }
      return c.json(body)
    })
    .post('/v1/projects/:projectId/requests/:requestId/comments', async (c) => {
      const actor = requireCommenter(c)
      const idempotencyKey = readIdempotencyKey(c)
      const input = await readJsonBody(c, NewCommentSchema)
      const projectId = c.get('project').id
      const thread = await standingRequestOrNotFound(deps, c, null)
      await takeCommentAllowance(deps.rateLimiter, deps.config, {
        projectId,
        requestId: thread.id,
        voter: actor.voter,
      })
      const { comment, created } = await commit(deps, c, async (w) => {
        const result = await w.store.comments.create({
          projectId,
          requestId: thread.id,
          body: input.body,
          actor,
          idempotencyKey,
          now: w.now,
        })
        if (!result) throw notFound.request()
        // A replay tells nobody: the first call did.
        if (result.created) await w.emit(commentCreated(result.comment, null))
        return result
      })
      const body: CommentResponse = { comment: toPublicComment(comment, actor.voter) }
      return answerCreated(c, body, created)
    })
}

/** Identified users may always comment; anonymous ones only where the project allows it. */
function requireCommenter(c: Context<AppEnv>): Actor {
  const actor = requireActor(c)
  if (actor.person) return actor
  const { requireIdentity, allowAnonymousComments } = c.get('project').settings
  if (requireIdentity || !allowAnonymousComments) {
    throw identityRequired(
      requireIdentity
        ? 'This project needs you to be signed in.'
        : 'Only signed-in users may comment on this project.',
    )
  }
  return actor
}
