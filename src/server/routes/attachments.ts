import { Hono } from 'hono'
import type { AttachmentResponse } from '../../shared/api/attachments'
import { acceptImageUpload } from '../attachments/accept-upload'
import { serveAttachment } from '../attachments/serve-attachment'
import { sweepExpiredUploads } from '../attachments/sweep-unattached'
import { identityRequired } from '../errors'
import { toAttachment } from '../http/attachment-wire'
import { clientIp } from '../http/client-address'
import type { AppEnv, RouteDeps } from '../http/env'
import { takeUploadAllowance } from '../limits/upload-caps'
import { requireActor } from './actor'

/**
 * spec/api.md v3 "Images": POST an image (raw body, ≤ 5 MiB, checked and re-encoded:
 * attachments/accept-upload.ts) as the caller, unattached until a request or comment names it
 * in `attachmentIds`; and GET one (bytes from the database, so every process serves them).
 */
export function attachmentsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/v1/projects/:projectId/attachments', async (c) => {
      const actor = requireActor(c)
      const project = c.get('project')
      if (project.settings.requireIdentity && !actor.person) {
        throw identityRequired('This project needs you to be signed in.')
      }
      await takeUploadAllowance(deps.rateLimiter, deps.config, {
        projectId: project.id,
        voter: actor.voter,
        ip: clientIp(c),
      })
      const image = await acceptImageUpload(c)
      const now = deps.clock.now()
      const attachment = await deps.store.attachments.create({
        projectId: project.id,
        uploader: { voter: actor.voter },
        ...image,
        now,
      })
      await sweepExpiredUploads(deps, now)
      const body: AttachmentResponse = { attachment: toAttachment(attachment) }
      return c.json(body, 201)
    })
    .get('/v1/projects/:projectId/attachments/:attachmentId', (c) =>
      serveAttachment(deps, c, c.get('project').id, c.req.param('attachmentId')),
    )
}
