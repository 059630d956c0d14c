import { Hono } from 'hono'
import { actingMember, auditActor } from '../auth/team-actor'
import { ApiError, conflict, invalid, notFound } from '../errors'
import { requestMerged } from '../events/build'
import { commit, type UnitOfWork } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { toBacklogRequest } from '../http/wire'
import type { UnmergeResult } from '../store/request-merges'
import { applyRequestEdit, EDITED_FIELDS, type RequestEdit } from './apply-request-edit'
import { RequestPatchSchema } from './request-schemas'
import { applyRequestTags } from './request-tags-edit'

/**
 * PATCH /v1/admin/projects/:id/requests/:rid: change status, title and tags, or fold the
 * request into another with mergeInto, in one transaction. Answers the request that now stands: the
 * target after a merge.
 * POST /v1/admin/projects/:id/requests/:rid/unmerge: undo the latest merge of :rid; answers
 * the request back on its own, and the target it left.
 */
export function adminRequestsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/requests/:rid/unmerge', async (c) => {
      const project = c.get('project')
      const requestId = c.req.param('rid')
      if (await deps.store.moderation.deletedWithTarget(project.id, requestId)) {
        throw notFound.request('The request it was merged into is deleted: restore it first.')
      }
      const targetId = await commit(deps, c, async (w) => {
        const result = await w.store.requests.unmerge(project.id, requestId, w.now)
        if (!result.ok) throw unmergeRefused(result)
        await w.audit({
          action: 'request.unmerged',
          target: requestId,
          detail: { from: result.targetId },
        })
        return result.targetId
      })
      const [source, target] = await Promise.all([
        deps.store.backlog.get(project.id, requestId),
        deps.store.backlog.get(project.id, targetId),
      ])
      if (!source || !target) throw notFound.request()
      return c.json({ request: toBacklogRequest(source), target: toBacklogRequest(target) })
    })
    .patch('/requests/:rid', async (c) => {
      const project = c.get('project')
      const requestId = c.req.param('rid')
      const patch = await readJsonBody(c, RequestPatchSchema)
      const { mergeInto } = patch
      if (mergeInto === requestId) throw invalid('mergeInto', 'A request cannot merge into itself.')
      const edit = editOf(patch)
      const teamMemberEmail = actingMember(c)?.email ?? null
      const { tagIds } = patch
      const standingId = await commit(deps, c, async (w) => {
        if (edit)
          await applyRequestEdit(w, { projectId: project.id, requestId, edit, teamMemberEmail })
        if (tagIds) await applyRequestTags(w, { projectId: project.id, requestId, tagIds })
        if (mergeInto === undefined) return requestId
        await applyMerge(w, {
          projectId: project.id,
          requestId,
          intoId: mergeInto,
          teamMemberEmail,
        })
        return mergeInto
      })
      const entry = await deps.store.backlog.get(project.id, standingId)
      if (!entry) throw notFound.request()
      return c.json({ request: toBacklogRequest(entry) })
    })
}

/** The fields the PATCH sent, or null when it only merges; an empty note clears it. */
function editOf(patch: {
  status?: string
  title?: string
  statusNote?: string | null
}): RequestEdit | null {
  const edit: RequestEdit = {
    status: patch.status,
    title: patch.title,
    statusNote: patch.statusNote === undefined ? undefined : patch.statusNote || null,
  }
  return EDITED_FIELDS.some((field) => edit[field] !== undefined) ? edit : null
}

/** Folds the request into `intoId`: both must exist and stand on their own. */
async function applyMerge(
  w: UnitOfWork,
  input: { projectId: string; requestId: string; intoId: string; teamMemberEmail: string | null },
): Promise<void> {
  const { projectId, requestId, intoId } = input
  if (!(await w.store.requests.merge(projectId, requestId, intoId, w.now))) {
    throw notFound.request('Both requests must exist and not be merged already.')
  }
  await w.emit(requestMerged(projectId, requestId, intoId, input.teamMemberEmail))
  await w.audit({ action: 'request.merged', target: requestId, detail: { mergeInto: intoId } })
}

function unmergeRefused(result: Exclude<UnmergeResult, { ok: true }>): ApiError {
  if (result.reason === 'target_merged') {
    return conflict(
      'The request it was merged into has since been merged itself: undo that merge first.',
    )
  }
  return notFound.request('That request is not merged into another.')
}
