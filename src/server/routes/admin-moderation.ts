import { Hono } from 'hono'
import { actingMember } from '../auth/team-actor'
import { notFound } from '../errors'
import { requestCreated } from '../events/build'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { toBacklogRequest } from '../http/wire'
import { queueNextPurge } from '../jobs/purge/purge-job'

/**
 * v3 moderation (spec/api.md "Spam and deletion"), the team's side:
 * DELETE /v1/admin/projects/:id/requests/:rid: the request leaves every public answer, the
 * backlog and every count, its votes stop counting, and nobody is told (an audit line only).
 * Rejecting a pending request is the same call. The requests merged into it go with it.
 * POST …/requests/:rid/restore: back, votes and all, within 30 days (the purge job removes it
 * after that); anything else: 404.
 * POST …/requests/:rid/approve: a pending request gets its first status, and everyone who hears
 * of a new request hears of it now (webhooks, team email, Slack).
 */
export function adminModerationRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .delete('/requests/:rid', async (c) => {
      const project = c.get('project')
      const requestId = c.req.param('rid')
      await commit(deps, c, async (w) => {
        if (!(await w.store.moderation.delete(project.id, requestId, w.now))) {
          throw notFound.request('No such request standing in this project.')
        }
        await queueNextPurge(w.tx, project.id, w.now)
        await w.audit({ action: 'request.deleted', target: requestId })
      })
      return c.body(null, 204)
    })
    .post('/requests/:rid/restore', async (c) => {
      const project = c.get('project')
      const requestId = c.req.param('rid')
      await commit(deps, c, async (w) => {
        if (!(await w.store.moderation.restore(project.id, requestId, w.now))) {
          throw notFound.request('No deleted request of that id can be restored.')
        }
        await w.audit({ action: 'request.restored', target: requestId })
      })
      return c.json({ request: await backlogRequest(deps, project.id, requestId) })
    })
    .post('/requests/:rid/approve', async (c) => {
      const project = c.get('project')
      const requestId = c.req.param('rid')
      await commit(deps, c, async (w) => {
        const approved = await w.store.moderation.approve(project.id, requestId, w.now)
        if (!approved) throw notFound.request('No request of that id waits for approval.')
        await w.emit(requestCreated(approved, actingMember(c)?.email ?? null))
        await w.audit({ action: 'request.approved', target: requestId })
      })
      return c.json({ request: await backlogRequest(deps, project.id, requestId) })
    })
}

async function backlogRequest(deps: RouteDeps, projectId: string, requestId: string) {
  const entry = await deps.store.backlog.get(projectId, requestId)
  if (!entry) throw notFound.request()
  return toBacklogRequest(entry)
}
