import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX_PER_ITEM,
} from '../../shared/api/attachments'
import { PAYLOAD_MAX_BYTES } from '../../shared/limits'
import { detectImageType } from '../attachments/image-magic'
import { reencodeImage } from '../attachments/reencode-image'
import { sweepExpiredUploads } from '../attachments/sweep-unattached'
import { identityRequired, invalid, payloadTooLarge, unsupportedMediaType } from '../errors'
import { clientIp } from '../http/client-address'
import type { AppEnv, RouteDeps } from '../http/env'
import { takeUploadAllowance } from '../limits/upload-caps'
import { requireActor } from '../routes/actor'

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
  const actor = requireActor(c)
  const project = c.get('project')
  if (project.settings.requireIdentity && !actor.person) {
    throw identityRequired('This project needs you to be signed in.')
  }
  const ids: string[] = []
  for (const file of images) {
    await takeUploadAllowance(deps.rateLimiter, deps.config, {
      projectId: project.id,
      voter: actor.voter,
      ip: clientIp(c),
    })
    const image = await acceptImageFile(file)
    const now = deps.clock.now()
    const attachment = await deps.store.attachments.create({
      projectId: project.id,
      uploader: { voter: actor.voter },
      ...image,
      now,
    })
    ids.push(attachment.id)
  }
  await sweepExpiredUploads(deps, deps.clock.now())
  return ids
}

/** One form file as attachments/accept-upload.ts takes a raw body: type, size, magic, re-encode. */
async function acceptImageFile(file: File) {
  const declared = ATTACHMENT_CONTENT_TYPES.find((type) => type === file.type.toLowerCase())
  if (!declared) {
    throw unsupportedMediaType(`Images must be one of ${ATTACHMENT_CONTENT_TYPES.join(', ')}.`)
  }
  if (file.size > ATTACHMENT_MAX_BYTES) {
    throw payloadTooLarge(`An image must be at most ${ATTACHMENT_MAX_BYTES} bytes.`)
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const actual = detectImageType(bytes)
  if (actual !== declared) {
    throw unsupportedMediaType(`The bytes are not the declared ${declared} image.`)
  }
  return reencodeImage(bytes, actual)
}
