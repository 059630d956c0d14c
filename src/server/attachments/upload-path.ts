import type { Context } from 'hono'

/** POST /v1/projects/{pid}/attachments and POST /v1/admin/projects/{pid}/attachments. */
const UPLOAD_PATH = /^\/v1\/(?:admin\/)?projects\/[^/]+\/attachments\/?$/

/**
 * Whether this is an image upload: those take up to 5 MiB, counted while they stream
 * (read-capped-body.ts), instead of the 64 KB every JSON body is held to.
 */
export function isImageUpload(c: Context): boolean {
  return c.req.method === 'POST' && UPLOAD_PATH.test(c.req.path)
}
