import type { Context } from 'hono'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { ifNoneMatchIncludes } from '../http/if-none-match'

/** A year: an attachment's bytes never change under its id. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * Answers the stored image. Its bytes never change, so the id is its ETag. `nosniff` and the
 * exact type keep a browser from reading it as anything but that image, and `sandbox` makes a
 * document opened from it (were one ever to be) script-less and of no origin. Any site may
 * embed it (the widget shows it on the customer's pages).
 */
export async function serveAttachment(
  deps: Pick<RouteDeps, 'store'>,
  c: Context<AppEnv>,
  projectId: string,
  attachmentId: string,
): Promise<Response> {
  const etag = `"${attachmentId}"`
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': IMMUTABLE,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': 'sandbox',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  }
  const image = await deps.store.attachments.image(projectId, attachmentId)
  if (!image) throw notFound.thing('No such attachment in this project.')
  if (ifNoneMatchIncludes(c.req.header('If-None-Match'), etag)) {
    return c.body(null, 304, headers)
  }
  return c.body(image.data as Uint8Array<ArrayBuffer>, 200, {
    ...headers,
    'Content-Type': image.contentType,
    'Content-Length': String(image.data.byteLength),
  })
}
