import { Hono } from 'hono'
import { actingMember, auditActor } from '../auth/team-actor'
import { conflict, invalid, notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { toBacklogRequest } from '../http/wire'
import { enqueueEvent, type RequestChanges } from '../jobs/events'
import { requireProject } from './admin-project-lookup'
import { RequestPatchSchema } from './request-schemas'

/**
 * PATCH /v1/admin/projects/:id/requests/:rid: change status and title, or fold the request
 * into another with mergeInto. Answers the request that now stands: the target after a merge.
 * POST /v1/admin/projects/:id/requests/:rid/unmerge: undo the latest merge of :rid; answers
 * the request back on its own, and the target it left.
 */
export function adminRequestsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/v1/admin/projects/:id/requests/:rid/unmerge', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const requestId = c.req.param('rid')
      const now = deps.clock.now()
      const result = await deps.store.requests.unmerge(project.id, requestId, now)
      if (!result.ok) {
        if (result.reason === 'target_merged') {
          throw conflict(
            'The request it was merged into has since been merged itself: undo that merge first.',
          )
        }
        throw notFound.request('That request is not merged into another.')
      }
      await deps.caches.invalidateProject(project.id)
      await deps.store.audit.record({
        projectId: project.id,
        actor: auditActor(c),
        action: 'request.unmerged',
        target: requestId,
        detail: { from: result.targetId },
        now,
      })
      const [source, target] = await Promise.all([
        deps.store.backlog.get(project.id, requestId),
        deps.store.backlog.get(project.id, result.targetId),
      ])
      if (!source || !target) throw notFound.request()
      return c.json({ request: toBacklogRequest(source), target: toBacklogRequest(target) })
    })
    .patch('/v1/admin/projects/:id/requests/:rid', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const requestId = c.req.param('rid')
      const patch = await readJsonBody(c, RequestPatchSchema)
      const now = deps.clock.now()
      const changes = {
        status: patch.status,
        title: patch.title,
        statusNote: patch.statusNote === undefined ? undefined : patch.statusNote || null,
      }
      const teamMemberEmail = actingMember(c)?.email ?? null
      if (
        changes.status !== undefined ||
        changes.title !== undefined ||
        changes.statusNote !== undefined
      ) {
        const updated = await deps.store.requests.update(
          project.id,
          requestId,
          changes,
          now,
          async (tx, before) => {
            const changed = changesOf(before, patch)
            if (Object.keys(changed).length === 0) return
            const event = {
              projectId: project.id,
              requestId,
              changes: changed,
              statusNote: changes.statusNote ?? null,
              teamMemberEmail,
            }
            await enqueueEvent(tx, { type: 'request.updated', ...event }, now)
          },
        )
        if (!updated) throw notFound.request()
        await deps.caches.invalidateProject(project.id)
        for (const field of ['status', 'title', 'statusNote'] as const) {
          if (changes[field] === undefined) continue
          await deps.store.audit.record({
            projectId: project.id,
            actor: auditActor(c),
            action: `request.${field}`,
            target: requestId,
            detail: { [field]: changes[field] },
            now,
          })
        }
      }
      let answerId = requestId
      if (patch.mergeInto !== undefined) {
        if (patch.mergeInto === requestId)
          throw invalid('mergeInto', 'A request cannot merge into itself.')
        const intoId = patch.mergeInto
        const merged = await deps.store.requests.merge(
          project.id,
          requestId,
          intoId,
          now,
          async (tx) => {
            await enqueueEvent(
              tx,
              { type: 'request.merged', projectId: project.id, requestId, intoId, teamMemberEmail },
              now,
            )
          },
        )
        if (!merged) {
          throw notFound.request('Both requests must exist and not be merged already.')
        }
        answerId = patch.mergeInto
        await deps.store.audit.record({
          projectId: project.id,
          actor: auditActor(c),
          action: 'request.merged',
          target: requestId,
          detail: { mergeInto: patch.mergeInto },
          now,
        })
      }
      await deps.caches.invalidateProject(project.id)
      deps.notifications.runner.kick()
      const entry = await deps.store.backlog.get(project.id, answerId)
      if (!entry) throw notFound.request()
      return c.json({ request: toBacklogRequest(entry) })
    })
}

/** Only the fields whose value really changes; an unchanged status tells nobody. */
function changesOf(
  before: { status: string; title: string },
  patch: { status?: string; title?: string },
): RequestChanges {
  const changes: RequestChanges = {}
  for (const field of ['status', 'title'] as const) {
    const to = patch[field]
    if (to !== undefined && to !== before[field]) changes[field] = { from: before[field], to }
  }
  return changes
}
