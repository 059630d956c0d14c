// spec/api.md v3 "Images" over real HTTP on both databases: an upload is checked by its bytes,
// re-encoded (metadata, text chunks and trailing bytes gone), served with headers that keep a
// browser from reading it as anything but that image, and attached to what names it.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AttachmentResponse } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import {
  animatedGif,
  gifJsPolyglot,
  HTML,
  holds,
  jpegImage,
  jpegTurned,
  jpegWithGps,
  pngHtmlPolyglot,
  pngImage,
  pngWithTextAndTrailer,
  SECRET,
  SVG,
  webpImage,
} from './image-fixtures'
import { uploaded as uploadedImage, uploadImage } from './upload-client'

describe.each(storeBackends())('image uploads on the $name database', (backend) => {
  let server: TestServer
  let projectId: string

  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: backend.databaseUrl })
    projectId = (await server.createProject('Images')).project.id
  })
  afterAll(async () => {
    await server.close()
  })

  const upload = (bytes: Uint8Array, contentType: string, anonymousId = 'anon-uploader-1') =>
    uploadImage(server.url, projectId, bytes, contentType, { anonymousId })
  const uploaded = (bytes: Uint8Array, contentType: string) =>
    uploadedImage(server.url, projectId, bytes, contentType)

  async function served(url: string) {
    const res = await fetch(`${server.url}${url}`)
    expect(res.status).toBe(200)
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
  }

  it.each([
    ['image/png', pngImage, 'png'],
    ['image/jpeg', jpegImage, 'jpeg'],
    ['image/webp', webpImage, 'webp'],
  ] as const)('takes a %s and serves it re-encoded with its size', async (type, make, format) => {
    const attachment = await uploaded(await make(40, 30), type)
    expect(attachment).toMatchObject({ contentType: type, width: 40, height: 30 })
    expect(attachment.url).toBe(`/v1/projects/${projectId}/attachments/${attachment.id}`)
    const { res, bytes } = await served(attachment.url)
    expect(res.headers.get('Content-Type')).toBe(type)
    expect(bytes.byteLength).toBe(attachment.bytes)
    expect((await sharp(bytes).metadata()).format).toBe(format)
  })

  it('keeps an animated GIF animated', async () => {
    const attachment = await uploaded(await animatedGif(), 'image/gif')
    expect(attachment).toMatchObject({ contentType: 'image/gif', width: 20, height: 20 })
    const { bytes } = await served(attachment.url)
    const metadata = await sharp(bytes, { animated: true }).metadata()
    expect(metadata.pages).toBe(2)
  })

  it('serves the image with nosniff, a sandbox, a year of immutable caching and an ETag', async () => {
    const attachment = await uploaded(await pngImage(), 'image/png')
    const { res, bytes } = await served(attachment.url)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Content-Security-Policy')).toBe('sandbox')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('Content-Length')).toBe(String(bytes.byteLength))
    const etag = res.headers.get('ETag')
    expect(etag).toBeTruthy()
    const again = await fetch(`${server.url}${attachment.url}`, {
      headers: { 'If-None-Match': etag ?? '' },
    })
    expect(again.status).toBe(304)
  })

  it('answers 404 for an attachment of another project or none at all', async () => {
    const attachment = await uploaded(await pngImage(), 'image/png')
    const other = (await server.createProject('Other')).project.id
    const elsewhere = await fetch(`${server.url}/v1/projects/${other}/attachments/${attachment.id}`)
    expect(elsewhere.status).toBe(404)
    const unknown = await fetch(`${server.url}/v1/projects/${projectId}/attachments/att_nope`)
    expect(unknown.status).toBe(404)
  })

  it('takes EXIF and its GPS out of a JPEG, keeping the photo the right way up', async () => {
    const original = await jpegWithGps()
    expect((await sharp(original).metadata()).exif).toBeDefined()
    expect(holds(original, SECRET)).toBe(true)
    const attachment = await uploaded(original, 'image/jpeg')
    const { bytes } = await served(attachment.url)
    const metadata = await sharp(bytes).metadata()
    expect(metadata.exif).toBeUndefined()
    expect(metadata.xmp).toBeUndefined()
    expect(holds(bytes, SECRET)).toBe(false)
    expect(holds(bytes, 'Exif')).toBe(false)

    const turned = await uploaded(await jpegTurned(), 'image/jpeg')
    expect(turned).toMatchObject({ width: 30, height: 40 })
  })

  it('drops a PNG text chunk and the bytes after its end', async () => {
    const original = await pngWithTextAndTrailer()
    expect(holds(original, SECRET)).toBe(true)
    const attachment = await uploaded(original, 'image/png')
    const { bytes } = await served(attachment.url)
    expect(holds(bytes, SECRET)).toBe(false)
    expect(holds(bytes, 'tEXt')).toBe(false)
    expect(holds(bytes, '<html')).toBe(false)
    // IEND and its CRC are the last 12 bytes: nothing follows them.
    expect(Buffer.from(bytes.subarray(bytes.length - 8, bytes.length - 4)).toString()).toBe('IEND')
  })

  it.each([
    ['a PNG/HTML polyglot', pngHtmlPolyglot, 'image/png'],
    ['a GIF/JavaScript polyglot', gifJsPolyglot, 'image/gif'],
  ] as const)('serves %s re-encoded with its payload gone', async (_name, make, type) => {
    const original = await make()
    expect(holds(original, SECRET)).toBe(true)
    const res = await upload(original, type)
    // Either answer keeps the payload from anyone: refused, or served without it.
    if (res.status === 415) return
    expect(res.status).toBe(201)
    const { attachment } = (await res.json()) as AttachmentResponse
    const { bytes } = await served(attachment.url)
    expect(holds(bytes, SECRET)).toBe(false)
    expect(holds(bytes, '<script')).toBe(false)
    expect(holds(bytes, 'alert')).toBe(false)
  })

  it.each([
    ['an SVG', SVG, 'image/svg+xml'],
    ['an SVG declared as a PNG', SVG, 'image/png'],
    ['HTML declared as a PNG', HTML, 'image/png'],
    ['text', Buffer.from('hello'), 'text/plain'],
    ['an empty body', Buffer.alloc(0), 'image/png'],
  ] as const)('refuses %s with 415 unsupported_media_type', async (_name, bytes, type) => {
    const res = await upload(bytes, type)
    expect(res.status).toBe(415)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    )
  })

  it('refuses bytes of one type declared as another', async () => {
    const res = await upload(await jpegImage(), 'image/png')
    expect(res.status).toBe(415)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    )
  })

  it('refuses a truncated image with 415', async () => {
    const png = await pngImage(200, 200)
    const res = await upload(png.subarray(0, png.length / 2), 'image/png')
    expect(res.status).toBe(415)
  })

  it('refuses 5 MiB and one byte with 413 payload_too_large, and takes 5 MiB of a real image', async () => {
    const limit = 5 * 1024 * 1024
    const tooBig = Buffer.alloc(limit + 1)
    ;(await pngImage()).copy(tooBig)
    const res = await upload(tooBig, 'image/png')
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
  })

  it('refuses a body over 5 MiB that streams without a Content-Length', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x41)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 6) return controller.close()
        controller.enqueue(
          sent === 0 ? Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk]) : chunk,
        )
        sent++
      },
    })
    const res = await fetch(`${server.url}/v1/projects/${projectId}/attachments`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', 'X-Reqio-Anonymous-Id': 'anon-streamer' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
  })

  it('refuses a decompression bomb (a huge canvas in a small file) with 413', async () => {
    const bomb = await sharp({
      create: { width: 7_000, height: 7_000, channels: 3, background: '#fff' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer()
    expect(bomb.byteLength).toBeLessThan(5 * 1024 * 1024)
    const res = await upload(bomb, 'image/png')
    expect(res.status).toBe(413)
  })

  it('needs an anonymous id or a token to upload', async () => {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/attachments`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png' },
      body: await pngImage(),
    })
    expect(res.status).toBe(400)
  })
})
