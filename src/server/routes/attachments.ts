import { Hono } from 'hono'
import type { AttachmentResponse } from '../../shared/api/attachments'
import { acceptImageUpload } from '../attachments/accept-upload'
import { serveAttachment } from '../attachments/serve-attachment'
import { sweepExpiredUploads } from '../attachments/sweep-unattached'
import { uploadAsCaller } from '../attachments/upload-as-caller'
import { toAttachment } from '../http/attachment-wire'
import type { AppEnv, RouteDeps } from '../http/env'

/**
 * spec/api.md v3 "Images": POST an image (raw body, ≤ 5 MiB, checked and re-encoded:
 * attachments/accept-upload.ts) as the caller, unattached until a request or comment names it
 * in `attachmentIds`; and GET one (bytes from the database, so every process serves them).
 */
export function attachmentsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/v1/projects/:projectId/attachments', async (c) => {
      const attachment = await uploadAsCaller(deps, c, () => acceptImageUpload(c))
      await sweepExpiredUploads(deps, deps.clock.now())
      const body: AttachmentResponse = { attachment: toAttachment(attachment) }
      return c.json(body, 201)
    })
    .get('/v1/projects/:projectId/attachments/:attachmentId', (c) =>
      serveAttachment(deps, c, c.get('project').id, c.req.param('attachmentId')),
    )
}
