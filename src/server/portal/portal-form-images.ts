import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX_PER_ITEM } from '../../shared/api/attachments'
import { PAYLOAD_MAX_BYTES } from '../../shared/limits'
import { acceptImageFile } from '../attachments/accept-upload'
import { sweepExpiredUploads } from '../attachments/sweep-unattached'
import { uploadAsCaller } from '../attachments/upload-as-caller'
import { invalid, payloadTooLarge } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'

/** The form field a portal form's images come in (src/portal/image-field.tsx). */
export const FORM_IMAGES_FIELD = 'images'

/** A portal form with its images: four of the largest images and the words around them. */
export const PORTAL_FORM_MAX_BYTES =
  ATTACHMENTS_MAX_PER_ITEM * ATTACHMENT_MAX_BYTES + PAYLOAD_MAX_BYTES

const PORTAL_FORM_PATH = /^\/p\/[^/]+\/requests(?:\/[^/]+\/comments)?\/?$/

/**
 * Whether this is a portal form that may carry images (a new request or a comment, posted as
 * multipart/form-data): held to PORTAL_FORM_MAX_BYTES (`limitPortalForm`) instead of the 64 KB
 * every other body is.
 */
export function isPortalImageForm(c: Context): boolean {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase()
  return (
    c.req.method === 'POST' &&
    type.startsWith('multipart/form-data') &&
    PORTAL_FORM_PATH.test(c.req.path)
  )
}

/** The body limit of the portal's forms with images (the app lets them past the 64 KB one). */
export function limitPortalForm(): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: PORTAL_FORM_MAX_BYTES,
    onError: () => {
      throw payloadTooLarge(`A form with images must be at most ${PORTAL_FORM_MAX_BYTES} bytes.`)
    },
  })
}

/**
 * A posted form's text fields and its images. A form posted with no image chosen sends an empty
 * file part (or, from some clients, an empty field), which is no image; a file anywhere else, or text where images belong, is refused
 * like any bad input.
 */
export async function readFormWithImages(
  c: Context,
): Promise<{ fields: Record<string, string>; images: File[] }> {
  const parsed = await c.req.parseBody({ all: true })
  const fields: Record<string, string> = {}
  const images: File[] = []
  for (const [name, value] of Object.entries(parsed)) {
    const values = Array.isArray(value) ? value : [value]
    if (name === FORM_IMAGES_FIELD) {
      for (const file of values) {
        // Some clients send an empty file part as an empty text field.
        if (file === '') continue
        if (typeof file === 'string') throw invalid(name, `${name} must be image files.`)
        if (file.size > 0 || file.name !== '') images.push(file)
      }
      continue
    }
    const [text] = values
    if (values.length !== 1 || typeof text !== 'string') {
      throw invalid(name, `${name} must be text.`)
    }
    fields[name] = text
  }
  if (images.length > ATTACHMENTS_MAX_PER_ITEM) {
    throw invalid(FORM_IMAGES_FIELD, `At most ${ATTACHMENTS_MAX_PER_ITEM} images.`)
  }
  return { fields, images }
}

/**
 * Uploads a form's images for the portal's caller, as the public API's upload does (spec/api.md
 * "Images"; routes/attachments.ts): the same hourly allowance per image, the bytes checked
 * against the declared type and re-encoded, stored unattached; answers their ids, in order, for
 * the request or comment the form files next (which attaches them in its own transaction).
 */
export async function uploadFormImages(
  deps: RouteDeps,
  c: Context<AppEnv>,
  images: File[],
): Promise<string[]> {
  if (images.length === 0) return []
  const ids: string[] = []
  for (const file of images) {
    ids.push((await uploadAsCaller(deps, c, () => acceptImageFile(file))).id)
  }
  await sweepExpiredUploads(deps, deps.clock.now())
  return ids
}
