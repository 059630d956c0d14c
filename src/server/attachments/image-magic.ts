import type { AttachmentContentType } from '../../shared/api/attachments'

/**
 * Which accepted image the bytes are, by their magic number, or null: SVG, HTML, scripts and
 * every other format start differently. Only the start is read; what follows is decoded (and
 * re-encoded) by reencode-image.ts, which is what neutralises a polyglot.
 */
export function detectImageType(bytes: Uint8Array): AttachmentContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWithText(bytes, 'GIF87a') || startsWithText(bytes, 'GIF89a')) return 'image/gif'
  if (startsWithText(bytes, 'RIFF') && startsWithText(bytes.subarray(8), 'WEBP')) {
    return 'image/webp'
  }
  return null
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte)
}

function startsWithText(bytes: Uint8Array, prefix: string): boolean {
  return startsWith(
    bytes,
    [...prefix].map((char) => char.charCodeAt(0)),
  )
}
