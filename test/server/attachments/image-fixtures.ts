/**
 * Crafted images for the upload tests, made with sharp (real encoders) and spliced by hand
 * where a hostile file needs what no encoder writes: a PNG text chunk, bytes after the end, a
 * script riding in a GIF.
 */
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'

const canvas = (width: number, height: number, background = '#cc3333') =>
  sharp({ create: { width, height, channels: 3, background } })

export const pngImage = (width = 40, height = 30) => canvas(width, height).png().toBuffer()
export const jpegImage = (width = 40, height = 30) => canvas(width, height).jpeg().toBuffer()
export const webpImage = (width = 40, height = 30) => canvas(width, height).webp().toBuffer()

/** A two-frame animated GIF, 20×20 per frame. */
export async function animatedGif(): Promise<Buffer> {
  const red = await canvas(20, 20, '#ff0000').png().toBuffer()
  const blue = await canvas(20, 20, '#0000ff').png().toBuffer()
  return sharp([red, blue], { join: { animated: true } })
    .gif({ delay: [100, 100] })
    .toBuffer()
}

/** The text a crafted file hides; it must never be in what is served. */
export const SECRET = 'secret-spot-4242'

/** A JPEG whose EXIF carries GPS coordinates (and a description naming the place). */
export const jpegWithGps = () =>
  canvas(40, 30)
    .jpeg()
    .withExif({
      IFD0: { ImageDescription: SECRET },
      // libvips writes IFD3 as the GPS directory.
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2999/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 789/100',
      },
    })
    .toBuffer()

/** A JPEG with EXIF orientation 6 (shot turned): 40 wide, 30 high as stored. */
export const jpegTurned = () => canvas(40, 30).jpeg().withMetadata({ orientation: 6 }).toBuffer()

/** A PNG with a tEXt chunk before IEND and an HTML page after it. */
export async function pngWithTextAndTrailer(): Promise<Buffer> {
  const png = await pngImage()
  const iend = png.length - 12
  const text = pngChunk('tEXt', Buffer.from(`Comment\0${SECRET}`, 'latin1'))
  const trailer = Buffer.from(`<html><script>alert("${SECRET}")</script></html>`)
  return Buffer.concat([png.subarray(0, iend), text, png.subarray(iend), trailer])
}

/** A PNG whose zTXt chunk holds an HTML page: opened as HTML it would run the script. */
export async function pngHtmlPolyglot(): Promise<Buffer> {
  const png = await pngImage()
  const iend = png.length - 12
  const html = `<html><body><script>alert("${SECRET}")</script></body></html>`
  const chunk = pngChunk(
    'zTXt',
    Buffer.concat([Buffer.from('html\0\0', 'latin1'), deflateSync(Buffer.from(html))]),
  )
  const plain = pngChunk('tEXt', Buffer.from(`x\0${html}`, 'latin1'))
  return Buffer.concat([png.subarray(0, iend), chunk, plain, png.subarray(iend)])
}

/**
 * A GIF that is also JavaScript: a comment extension holding a script, and the script again
 * after the trailer (`GIF89a` parses as an identifier; what follows starts a comment).
 */
export async function gifJsPolyglot(): Promise<Buffer> {
  const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#0f0' } })
    .gif()
    .toBuffer()
  const script = Buffer.from(`*/=1;alert("${SECRET}");/*`)
  const comment = Buffer.concat([
    Buffer.from([0x21, 0xfe, script.length]),
    script,
    Buffer.from([0x00]),
  ])
  // The comment extension goes right after the header and logical screen (and its colour table).
  const packed = gif[10] ?? 0
  const tableSize = packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0
  const headerEnd = 13 + tableSize
  return Buffer.concat([
    gif.subarray(0, headerEnd),
    comment,
    gif.subarray(headerEnd),
    Buffer.from(`\n//${SECRET}\nalert(1)`),
  ])
}

export const SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert("${SECRET}")</script></svg>`,
)
export const HTML = Buffer.from(`<!doctype html><html><script>alert("${SECRET}")</script></html>`)

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

/** Whether `haystack` holds `needle` anywhere (as bytes). */
export const holds = (haystack: Uint8Array, needle: string) =>
  Buffer.from(haystack).includes(Buffer.from(needle))
