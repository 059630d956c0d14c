import type { Context } from 'hono'
import { Hono } from 'hono'
import type * as v from 'valibot'
import { type CommentResponse, PENDING_STATUS, type RequestDetailResponse } from '../../shared/api'
import { COMMENTS_PAGE_SIZE } from '../../shared/limits'
import { attachUploads } from '../attachments/attach-uploads'
import { actingMember } from '../auth/team-actor'
import { ApiError, identityRequired, notFound } from '../errors'
import { commentCreated } from '../events/build'
import { commit, type UnitOfWork } from '../events/commit'
import { toPublicCommentPage } from '../http/comment-cursor'
import type { AppEnv, RouteDeps } from '../http/env'
import { answerCreated, readIdempotencyKey } from '../http/idempotency'
import { readJsonBody } from '../http/json-body'
import { toPublicComment, toPublicRequest } from '../http/wire'
import { takeCommentAllowance } from '../limits/comment-caps'
import type { Actor } from '../store'
import type { CommentRecord } from '../store/comments-store'
import { requireActor } from './actor'
import { followingOf } from './following-of'
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
          following: await followingOf(deps, c, request.id),
        },
      }
      return c.json(body)
    })
    .post('/v1/projects/:projectId/requests/:requestId/comments', newCommentHandler(deps))
}

/** The public answer to a new comment, shared with the portal (portal/portal-writes.ts). */
export function newCommentHandler(deps: RouteDeps) {
  return async (c: Context<AppEnv, '/:requestId'>) => {
    const idempotencyKey = readIdempotencyKey(c)
    const input = await readJsonBody(c, NewCommentSchema)
    const { comment, created, actor } = await postComment(deps, c, input, idempotencyKey)
    const body: CommentResponse = { comment: toPublicComment(comment, actor.voter) }
    return answerCreated(c, body, created)
  }
}

/**
 * Comments as the caller on `requestId`, by default the path's `:requestId` (on a merged one:
 * the request it went into), within the comment caps; a replayed key posts nothing.
 * `alsoWhenCreated` adds to the same transaction (the team's audit line for a comment on a
 * customer's behalf: admin-on-behalf.ts).
 */
export async function postComment(
  deps: RouteDeps,
  c: Context<AppEnv, '/:requestId'>,
  input: v.InferOutput<typeof NewCommentSchema>,
  idempotencyKey: string | null,
  requestId = c.req.param('requestId'),
  alsoWhenCreated?: (w: UnitOfWork, comment: CommentRecord) => Promise<void>,
) {
  const actor = requireCommenter(c)
  const projectId = c.get('project').id
  const thread = await standingRequestOrNotFound(deps, c, null, requestId)
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
    if (result.created && input.attachmentIds.length > 0) {
      result.comment.attachments = await attachUploads(w, {
        projectId,
        target: { kind: 'comment', id: result.comment.id },
        ids: input.attachmentIds,
        uploaderVoter: actor.voter,
      })
    }
    // A replay tells nobody: the first call did. Nor does its author's comment on a request
    // waiting for approval (v3 moderation): nobody has been told of the request yet.
    if (result.created && thread.status !== PENDING_STATUS) {
      // A member filing it on a customer's behalf is not emailed about it (team email).
      await w.emit(commentCreated(result.comment, actingMember(c)?.email ?? null))
    }
    if (result.created && alsoWhenCreated) await alsoWhenCreated(w, result.comment)
    return result
  })
  return { comment, created, actor }
}

/** Identified users may always comment; anonymous ones only where the project allows it. */
export function requireCommenter(c: Context<AppEnv>): Actor {
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
