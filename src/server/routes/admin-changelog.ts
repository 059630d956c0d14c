import type { Context } from 'hono'
import { Hono } from 'hono'
import type { ChangelogEntry } from '../../shared/api'
import { attachUploads } from '../attachments/attach-uploads'
import { actingMember, auditActor } from '../auth/team-actor'
import { type ApiError, notFound } from '../errors'
import { changelogPublished } from '../events/build'
import { commit, type UnitOfWork } from '../events/commit'
import { bodyNodesForWrite } from '../http/changelog-body'
import { toChangelogEntry } from '../http/changelog-wire'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import type { ChangelogWrite } from '../store/changelog-store'
import { adminChangelogAudienceRoutes } from './admin-changelog-audience'
import { publishedDeletionLine, publishedEditLine, shippingLines } from './admin-changelog-audit'
import { linkingKnownRequests } from './changelog-request-ids'
import { ChangelogPatchSchema, NewChangelogEntrySchema } from './changelog-schemas'

/**
 * The dashboard's changelog: list (drafts included), write, edit, publish, delete, and who
 * publishing would tell (admin-changelog-audience.ts).
 * POST and PATCH take {title, body, requestIds, publish}; publishing, now or later, makes every
 * linked request done and tells their people, all in one transaction.
 */
export function adminChangelogRoutes(deps: RouteDeps) {
  /** Audits what a write shipped and queues changelog.published, in the write's transaction. */
  async function tellShipped(w: UnitOfWork, c: Context<AppEnv>, write: ChangelogWrite) {
    if (!write.shipped) return
    for (const line of shippingLines(write.shipped)) await w.audit(line)
    const member = actingMember(c)?.email ?? null
    const event = changelogPublished(write.entry.projectId, write.shipped, member)
    if (event) await w.emit(event)
  }

  return new Hono<AppEnv>()
    .route('/audience', adminChangelogAudienceRoutes(deps))
    .get('/', async (c) => {
      const entries: ChangelogEntry[] = (
        await deps.store.changelog.listAll(c.get('project').id)
      ).map(toChangelogEntry)
      return c.json({ entries })
    })
    .post('/', async (c) => {
      const project = c.get('project')
      const input = await readJsonBody(c, NewChangelogEntrySchema)
      const bodyNodes = bodyNodesForWrite(input.body, project.id)
      const entry = await commit(deps, c, async (w) => {
        const write = await linkingKnownRequests(() =>
          w.store.changelog.create({ projectId: project.id, ...input, bodyNodes }, w.now),
        )
        if (input.attachmentIds.length > 0) {
          write.entry.attachments = await attachEntryImages(w, write, input.attachmentIds)
        }
        await tellShipped(w, c, write)
        return write.entry
      })
      return c.json({ entry: toChangelogEntry(entry) }, 201)
    })
    .patch('/:eid', async (c) => {
      const project = c.get('project')
      const patch = await readJsonBody(c, ChangelogPatchSchema)
      const bodyNodes =
        patch.body === undefined ? undefined : bodyNodesForWrite(patch.body, project.id)
      const entry = await commit(deps, c, async (w) => {
        const write = await linkingKnownRequests(() =>
          w.store.changelog.update(project.id, c.req.param('eid'), { ...patch, bodyNodes }, w.now),
        )
        if (!write) throw entryNotFound()
        if (patch.attachmentIds !== undefined) {
          write.entry.attachments = await attachEntryImages(w, write, patch.attachmentIds)
        }
        await tellShipped(w, c, write)
        const edited = publishedEditLine(write, patch)
        if (edited) await w.audit(edited)
        return write.entry
      })
      return c.json({ entry: toChangelogEntry(entry) })
    })
    .delete('/:eid', async (c) => {
      const project = c.get('project')
      await commit(deps, c, async (w) => {
        const deleted = await w.store.changelog.delete(project.id, c.req.param('eid'))
        if (!deleted) throw entryNotFound()
        const line = publishedDeletionLine(deleted)
        if (line) await w.audit(line)
      })
      return c.body(null, 204)
    })
}

/** The team's images of an entry: any of the project's uploads attached to nothing else. */
function attachEntryImages(w: UnitOfWork, write: ChangelogWrite, ids: string[]) {
  return attachUploads(w, {
    projectId: write.entry.projectId,
    target: { kind: 'changelog_entry', id: write.entry.id },
    ids,
  })
}

function entryNotFound(): ApiError {
  return notFound.thing('No such changelog entry in this project.')
}
