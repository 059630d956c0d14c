import sharp, { type Sharp } from 'sharp'
import type { AttachmentContentType } from '../../shared/api/attachments'
import { payloadTooLarge, unsupportedMediaType } from '../errors'

/**
 * The most pixels an upload may decode to, all frames of an animation together: a 5 MiB file
 * can claim a 60000×60000 canvas (a decompression bomb); 40 million pixels is a large phone
 * photo, about 160 MB while decoding.
 */
export const ATTACHMENT_MAX_PIXELS = 40_000_000

export interface ReencodedImage {
  data: Buffer
  contentType: AttachmentContentType
  width: number
  /** The height of one frame for an animation. */
  height: number
}

/**
 * Decodes the image and writes it afresh in the same format: whatever was not pixels (EXIF and
 * its GPS, XMP, ICC and other profiles, PNG text chunks, comments, bytes after the end, a
 * script hidden in a polyglot) is not written back. EXIF orientation is applied to the pixels
 * first, so a photo keeps its way up. Animated GIF and WebP keep their frames (and delays).
 * Bytes that do not decode as that format: 415; too many pixels: 413.
 */
export async function reencodeImage(
  bytes: Uint8Array,
  contentType: AttachmentContentType,
): Promise<ReencodedImage> {
  const animated = contentType === 'image/gif' || contentType === 'image/webp'
  try {
    const pipeline = sharp(bytes, {
      animated,
      // Truncated or corrupt image data is refused; harmless oddities (bytes after the end)
      // are dropped by the re-encoding instead.
      failOn: 'error',
      limitInputPixels: ATTACHMENT_MAX_PIXELS,
    }).autoOrient()
    const encoded = await encodeAs(pipeline, contentType).toBuffer({ resolveWithObject: true })
    const { info } = encoded
    return {
      data: encoded.data,
      contentType,
      width: info.width,
      height: info.pageHeight ?? info.height,
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    if (/pixel limit/i.test(message)) {
      throw payloadTooLarge(`The image must be at most ${ATTACHMENT_MAX_PIXELS} pixels.`)
    }
    throw unsupportedMediaType(`The bytes are not a valid ${contentType} image.`)
  }
}

function encodeAs(pipeline: Sharp, contentType: AttachmentContentType): Sharp {
  switch (contentType) {
    case 'image/png':
      return pipeline.png()
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 85 })
    case 'image/webp':
      return pipeline.webp({ quality: 85 })
    case 'image/gif':
      return pipeline.gif()
  }
}
