import { Hono } from 'hono'
import type { AudienceResponse, FailedJobInfo, KeptMailInfo } from '../../shared/notifications'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { emailable } from '../jobs/notify/context'
import { requireProject } from './admin-project-lookup'

/**
 * What the dashboard shows about telling people: who a status change would reach (before it
 * is saved), jobs that failed for good (retry them), and in demo mode the emails kept instead
 * of sent ("Sent mail").
 */
export function adminNotificationsRoutes(deps: RouteDeps) {
  const mailMode = () => deps.notifications.mail.mode
  return new Hono<AppEnv>()
    .get('/v1/admin/projects/:id/requests/:rid/audience', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const requestId = c.req.param('rid')
      if (!(await deps.store.requests.find(project.id, requestId, null))) throw notFound.request()
      const audience = await deps.store.audience.audience(project.id, requestId)
      const body: AudienceResponse = {
        people: audience.length,
        withEmail: mailMode() === 'off' ? 0 : emailable(audience).length,
        anonymous: await deps.store.audience.anonymousCount(project.id, requestId),
        mail: mailMode(),
      }
      return c.json(body)
    })
    .get('/v1/admin/projects/:id/jobs', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const failed = await deps.store.jobs.listFailed(project.id)
      const jobs: FailedJobInfo[] = failed.map(({ id, kind, attempts, lastError, updatedAt }) => ({
        id,
        kind,
        attempts,
        lastError,
        updatedAt,
      }))
      return c.json({ counts: await deps.store.jobs.counts(project.id), failed: jobs })
    })
    .post('/v1/admin/projects/:id/jobs/:jid/retry', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const id = Number(c.req.param('jid'))
      const ok =
        Number.isSafeInteger(id) &&
        (await deps.store.jobs.retryNow(id, deps.clock.now(), project.id))
      if (!ok) return c.json({ error: { code: 'not_found', message: 'No such failed job.' } }, 404)
      deps.notifications.runner.kick()
      return c.json({ retried: true }, 202)
    })
    .get('/v1/admin/projects/:id/mail', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const kept = await deps.store.mail.listKept(project.id)
      const messages: KeptMailInfo[] = kept.map(({ projectId: _p, ...mail }) => mail)
      return c.json({ mail: mailMode(), messages })
    })
}
