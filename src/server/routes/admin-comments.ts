import { Hono } from 'hono'
import type {
  AdminCommentResponse,
  AdminRequestDetail,
  AdminRequestDetailResponse,
} from '../../shared/api'
import { attachUploads } from '../attachments/attach-uploads'
import { actingMember, auditActor, teamReplyName } from '../auth/team-actor'
import { ApiError, notFound } from '../errors'
import { commentCreated } from '../events/build'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { toAdminComment, toBacklogRequest } from '../http/wire'
import { commentOnBehalf, isCommentOnBehalf } from './admin-on-behalf'
import { CommentPatchSchema, NewTeamCommentSchema } from './request-schemas'

/** Every identified voter a request has, for its detail (the backlog shows the top ten). */
const DETAIL_VOTERS = 1000

/**
 * The dashboard's side of a thread: the request with every comment (internal and hidden
 * flagged, commenters' facts), team replies and notes, and moderation. Each is audited.
 */
export function adminCommentsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/requests/:rid', async (c) => {
      const project = c.get('project')
      const [entry] = await deps.store.backlog.list({
        projectId: project.id,
        sort: 'new',
        limit: 1,
        requestId: c.req.param('rid'),
        votersPerRequest: DETAIL_VOTERS,
      })
      if (!entry) throw notFound.request()
      const [comments, mergedRequests, atRiskAccounts] = await Promise.all([
        deps.store.comments.listForRequest(entry.id, true),
        deps.store.requests.mergedInto(project.id, entry.id),
        deps.store.backlog.atRiskAccounts(project.id, entry.id),
      ])
      const request: AdminRequestDetail = {
        ...toBacklogRequest(entry),
        comments: comments.map(toAdminComment),
        mergedRequests,
        atRiskAccounts,
      }
      return c.json({ request } satisfies AdminRequestDetailResponse)
    })
    .post('/requests/:rid/comments', async (c) => {
      if (await isCommentOnBehalf(c)) return commentOnBehalf(deps, c)
      const project = c.get('project')
      const input = await readJsonBody(c, NewTeamCommentSchema)
      const comment = await commit(deps, c, async (w) => {
        const result = await w.store.comments.create({
          projectId: project.id,
          requestId: c.req.param('rid'),
          body: input.body,
          team: { name: teamReplyName(c), actor: auditActor(c), internal: input.internal },
          now: w.now,
        })
        if (!result) throw notFound.request()
        const created = result.comment
        if (input.attachmentIds.length > 0) {
          created.attachments = await attachUploads(w, {
            projectId: project.id,
            target: { kind: 'comment', id: created.id },
            ids: input.attachmentIds,
          })
        }
        await w.audit({
          action: created.internal ? 'comment.note' : 'comment.replied',
          target: created.requestId,
          detail: { commentId: created.id },
        })
        await w.emit(commentCreated(created, actingMember(c)?.email ?? null))
        return created
      })
      return c.json({ comment: toAdminComment(comment) } satisfies AdminCommentResponse, 201)
    })
    .patch('/comments/:cid', async (c) => {
      const project = c.get('project')
      const { hidden } = await readJsonBody(c, CommentPatchSchema)
      const comment = await commit(deps, c, async (w) => {
        const changed = await w.store.comments.setHidden(project.id, c.req.param('cid'), hidden)
        if (!changed) throw notFound.thing('No such comment in this project.')
        await w.audit({
          action: hidden ? 'comment.hidden' : 'comment.unhidden',
          target: changed.id,
          detail: { requestId: changed.requestId },
        })
        return changed
      })
      return c.json({ comment: toAdminComment(comment) } satisfies AdminCommentResponse)
    })
}
