import type { Context } from 'hono'
import { Hono } from 'hono'
import type { ChangelogEntry } from '../../shared/api'
import { auditActor } from '../auth/team-actor'
import { ApiError, invalid, notFound } from '../errors'
import { bodyNodesForWrite } from '../http/changelog-body'
import { toChangelogEntry } from '../http/changelog-wire'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { type OnShipped, UnknownRequestsError } from '../store/changelog-store'
import { auditPublishedDeletion, auditPublishedEdit } from './admin-changelog-audit'
import { requireProject } from './admin-project-lookup'
import { ChangelogPatchSchema, NewChangelogEntrySchema } from './changelog-schemas'

/**
 * The dashboard's changelog: list (drafts included), write, edit, publish, delete.
 * POST and PATCH take {title, body, requestIds, publish}; publishing, now or later, makes every
 * linked request done and tells their people, all in one transaction.
 */
export function adminChangelogRoutes(deps: RouteDeps) {
  /** What happens inside the publishing transaction: the audit lines, then the loop's hook. */
  const shipping =
    (c: Context<AppEnv>, projectId: string, now: number): OnShipped =>
    async (tx, change) => {
      const actor = auditActor(c)
      if (change.newlyPublished) {
        await deps.store.audit.record(
          {
            projectId,
            actor,
            action: 'changelog.published',
            target: change.entry.id,
            detail: { title: change.entry.title, requestIds: change.shippedRequestIds },
            now,
          },
          tx,
        )
      }
      for (const requestId of change.newlyDoneRequestIds) {
        await deps.store.audit.record(
          {
            projectId,
            actor,
            action: 'request.status',
            target: requestId,
            detail: { status: 'done', changelogEntry: change.entry.id },
            now,
          },
          tx,
        )
      }
      await deps.onChangelogPublished(tx, { ...change, projectId, actor, now })
    }

  /** Store writes, with unknown request ids answered as the field they came in. */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      if (error instanceof UnknownRequestsError) {
        throw invalid(
          'requestIds',
          `requestIds: no request ${error.requestIds.map((id) => `"${id}"`).join(', ')} in this project.`,
        )
      }
      throw error
    }
  }

  return new Hono<AppEnv>()
    .get('/v1/admin/projects/:id/changelog', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const entries: ChangelogEntry[] = (await deps.store.changelog.listAll(project.id)).map(
        toChangelogEntry,
      )
      return c.json({ entries })
    })
    .post('/v1/admin/projects/:id/changelog', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const input = await readJsonBody(c, NewChangelogEntrySchema)
      const bodyNodes = bodyNodesForWrite(input.body)
      const now = deps.clock.now()
      const entry = await write(() =>
        deps.store.changelog.create(
          { projectId: project.id, ...input, bodyNodes },
          now,
          shipping(c, project.id, now),
        ),
      )
      await deps.caches.invalidateProject(project.id)
      deps.notifications.runner.kick()
      return c.json({ entry: toChangelogEntry(entry) }, 201)
    })
    .patch('/v1/admin/projects/:id/changelog/:eid', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const patch = await readJsonBody(c, ChangelogPatchSchema)
      const bodyNodes = patch.body === undefined ? undefined : bodyNodesForWrite(patch.body)
      const now = deps.clock.now()
      const entry = await write(() =>
        deps.store.changelog.update(
          project.id,
          c.req.param('eid'),
          { ...patch, bodyNodes },
          now,
          shipping(c, project.id, now),
          auditPublishedEdit(
            deps.store.audit,
            { projectId: project.id, actor: auditActor(c), now },
            patch,
          ),
        ),
      )
      if (!entry) throw entryNotFound()
      await deps.caches.invalidateProject(project.id)
      deps.notifications.runner.kick()
      return c.json({ entry: toChangelogEntry(entry) })
    })
    .delete('/v1/admin/projects/:id/changelog/:eid', async (c) => {
      const project = await requireProject(deps, c.req.param('id'))
      const who = { projectId: project.id, actor: auditActor(c), now: deps.clock.now() }
      const deleted = await deps.store.changelog.delete(
        project.id,
        c.req.param('eid'),
        auditPublishedDeletion(deps.store.audit, who),
      )
      if (!deleted) throw entryNotFound()
      await deps.caches.invalidateProject(project.id)
      return c.body(null, 204)
    })
}

function entryNotFound(): ApiError {
  return notFound.thing('No such changelog entry in this project.')
}
