import type { Context } from 'hono'
import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  type AttachmentContentType,
} from '../../shared/api/attachments'
import { payloadTooLarge, unsupportedMediaType } from '../errors'
import { detectImageType } from './image-magic'
import { readCappedBody } from './read-capped-body'
import { type ReencodedImage, reencodeImage } from './reencode-image'

/**
 * An upload's body made safe to serve: the declared type must be one we take, the bytes must
 * start as that type (magic number, whatever the name or header says), and they must decode;
 * what is stored is the re-encoded image (reencode-image.ts), never the bytes as sent.
 */
export async function acceptImageUpload(c: Context): Promise<ReencodedImage> {
  const declared = declaredImageType(c.req.header('Content-Type'))
  return acceptImageBytes(await readCappedBody(c, ATTACHMENT_MAX_BYTES), declared)
}

/** A portal form's file, held to the same rules as a raw upload (portal-form-images.ts). */
export async function acceptImageFile(file: File): Promise<ReencodedImage> {
  const declared = declaredImageType(file.type)
  if (file.size > ATTACHMENT_MAX_BYTES) {
    throw payloadTooLarge(`An image must be at most ${ATTACHMENT_MAX_BYTES} bytes.`)
  }
  return acceptImageBytes(new Uint8Array(await file.arrayBuffer()), declared)
}

async function acceptImageBytes(
  bytes: Uint8Array,
  declared: AttachmentContentType,
): Promise<ReencodedImage> {
  const actual = detectImageType(bytes)
  if (actual === null) {
    throw unsupportedMediaType('The bytes are not a PNG, JPEG, WebP or GIF image.')
  }
  if (actual !== declared) {
    throw unsupportedMediaType(`The bytes are ${actual}, not the declared ${declared}.`)
  }
  return reencodeImage(bytes, actual)
}

/** The media type (of a Content-Type or a form file) when it is one we take; else 415 before reading. */
function declaredImageType(header: string | undefined): AttachmentContentType {
  const mediaType = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const accepted = ATTACHMENT_CONTENT_TYPES.find((type) => type === mediaType)
  if (!accepted) {
    throw unsupportedMediaType(
      `Content-Type must be one of ${ATTACHMENT_CONTENT_TYPES.join(', ')}.`,
    )
  }
  return accepted
}
