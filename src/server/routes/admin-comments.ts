import { Hono } from 'hono'
import type {
  AdminCommentResponse,
  AdminRequestDetail,
  AdminRequestDetailResponse,
} from '../../shared/api'
import { actingMember, auditActor, teamReplyName } from '../auth/team-actor'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { toAdminComment, toBacklogRequest } from '../http/wire'
import { enqueueCommentCreated } from '../jobs/comment-event'
import { requireProject } from './admin-project-lookup'
import { CommentPatchSchema, NewTeamCommentSchema } from './request-schemas'

/** Every identified voter a request has, for its detail (the backlog shows the top ten). */
const DETAIL_VOTERS = 1000

/**
 * The dashboard's side of a thread: the request with every comment (internal and hidden
 * flagged, commenters' facts), team replies and notes, and moderation. Each is audited.
 */
export function adminCommentsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/v1/admin/projects/:id/requests/:rid', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const [entry] = await deps.store.backlog.list({
        projectId: project.id,
        sort: 'new',
        limit: 1,
        requestId: c.req.param('rid'),
        votersPerRequest: DETAIL_VOTERS,
      })
      if (!entry) throw notFound.request()
      const comments = await deps.store.comments.listForRequest(entry.id, true)
      const request: AdminRequestDetail = {
        ...toBacklogRequest(entry),
        comments: comments.map(toAdminComment),
      }
      return c.json({ request } satisfies AdminRequestDetailResponse)
    })
    .post('/v1/admin/projects/:id/requests/:rid/comments', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const input = await readJsonBody(c, NewTeamCommentSchema)
      const now = deps.clock.now()
      const actor = auditActor(c)
      const result = await deps.store.comments.create({
        projectId: project.id,
        requestId: c.req.param('rid'),
        body: input.body,
        team: { name: teamReplyName(c), actor, internal: input.internal },
        now,
        onCreated: async (tx, comment) => {
          await deps.store.audit.record(
            {
              projectId: project.id,
              actor,
              action: comment.internal ? 'comment.note' : 'comment.replied',
              target: comment.requestId,
              detail: { commentId: comment.id },
              now,
            },
            tx,
          )
          await enqueueCommentCreated(tx, comment, actingMember(c)?.email ?? null, now)
        },
      })
      if (!result) throw notFound.request()
      await deps.caches.invalidateProject(project.id)
      deps.notifications.runner.kick()
      return c.json({ comment: toAdminComment(result.comment) } satisfies AdminCommentResponse, 201)
    })
    .patch('/v1/admin/projects/:id/comments/:cid', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const { hidden } = await readJsonBody(c, CommentPatchSchema)
      const now = deps.clock.now()
      const comment = await deps.store.comments.setHidden(
        project.id,
        c.req.param('cid'),
        hidden,
        (tx, changed) =>
          deps.store.audit.record(
            {
              projectId: project.id,
              actor: auditActor(c),
              action: hidden ? 'comment.hidden' : 'comment.unhidden',
              target: changed.id,
              detail: { requestId: changed.requestId },
              now,
            },
            tx,
          ),
      )
      if (!comment) throw notFound.thing('No such comment in this project.')
      await deps.caches.invalidateProject(project.id)
      return c.json({ comment: toAdminComment(comment) } satisfies AdminCommentResponse)
    })
}
