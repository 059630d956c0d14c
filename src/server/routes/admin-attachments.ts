import { Hono } from 'hono'
import type { AttachmentResponse } from '../../shared/api/attachments'
import { acceptImageUpload } from '../attachments/accept-upload'
import { sweepExpiredUploads } from '../attachments/sweep-unattached'
import { auditActor } from '../auth/team-actor'
import { toAttachment } from '../http/attachment-wire'
import type { AppEnv, RouteDeps } from '../http/env'

/**
 * `POST /v1/admin/projects/{pid}/attachments`: the team's uploads (changelog images), checked
 * and re-encoded like the public's; any of the project's unattached uploads may then go into
 * a changelog entry's `attachmentIds`.
 */
export function adminAttachmentsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const image = await acceptImageUpload(c)
    const now = deps.clock.now()
    const attachment = await deps.store.attachments.create({
      projectId: c.get('project').id,
      uploader: { member: auditActor(c) },
      ...image,
      now,
    })
    await sweepExpiredUploads(deps, now)
    const body: AttachmentResponse = { attachment: toAttachment(attachment) }
    return c.json(body, 201)
  })
}
