// The portal's forms with images (issue 29), over real HTTP as a browser with JavaScript off
// posts them (multipart/form-data): the images are uploaded for the visitor as the public API's
// upload would (checked, re-encoded), the request or comment is filed with them, and its page
// shows them as thumbnails linking to the full image.
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RequestDetailResponse } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'

let server: TestServer
let projectId: string

let png: Buffer
let jpegWithGps: Buffer
beforeAll(async () => {
  const pixels = { create: { width: 24, height: 16, channels: 3, background: '#0a7' } } as const
  png = await sharp(pixels).png().toBuffer()
  jpegWithGps = await sharp(pixels)
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100' } })
    .toBuffer()
})

/** A browser with JavaScript off: keeps the portal's cookies, posts forms as multipart. */
class FormBrowser {
  cookies = new Map<string, string>()

  async post(path: string, fields: Record<string, string>, files: File[] = []) {
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) form.append(name, value)
    // A file input with nothing chosen still sends its (empty) part, as browsers do.
    if (files.length === 0)
      form.append('images', new File([], '', { type: 'application/octet-stream' }))
    for (const file of files) form.append('images', file)
    const res = await fetch(`${server.url}/p/${projectId}${path}`, {
      method: 'POST',
      headers: { Origin: server.url, Cookie: this.cookieHeader() },
      body: form,
      redirect: 'manual',
    })
    for (const line of res.headers.getSetCookie()) {
      const [name, value] = (line.split(';')[0] ?? '').split('=')
      if (name && value) this.cookies.set(name, value)
    }
    return res
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async page(path: string) {
    const res = await fetch(`${server.url}${path}`, { headers: { Cookie: this.cookieHeader() } })
    return res.text()
  }
}

const pngFile = (name = 'shot.png') => new File([new Uint8Array(png)], name, { type: 'image/png' })

async function requestOf(requestId: string) {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}`, {
    headers: { 'X-Reqio-Anonymous-Id': 'reader-000001' },
  })
  return ((await res.json()) as RequestDetailResponse).request
}

const requestIdIn = (location: string | null) =>
  /\/requests\/([^/#?]+)/.exec(location ?? '')?.[1] ?? ''

describe.each(storeBackends())('portal forms with images on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId } = fresh)
  })

  it('files a request with two images and shows them on its page, each linking to the full image', async () => {
    const browser = new FormBrowser()
    const res = await browser.post('/requests', { title: 'Dark mode', body: 'Like this' }, [
      pngFile('a.png'),
      new File([new Uint8Array(jpegWithGps)], 'b.jpg', { type: 'image/jpeg' }),
    ])
    expect(res.status).toBe(303)
    const requestId = requestIdIn(res.headers.get('Location'))
    const request = await requestOf(requestId)
    expect(request.attachments.map((a) => [a.contentType, a.width, a.height])).toEqual([
      ['image/png', 24, 16],
      ['image/jpeg', 24, 16],
    ])

    const html = await browser.page(`/p/${projectId}/requests/${requestId}`)
    for (const [index, attachment] of request.attachments.entries()) {
      expect(html).toContain(
        `<a href="${attachment.url}" target="_blank" rel="noopener"><img src="${attachment.url}" alt="Image ${index + 1}"`,
      )
    }
    // What is served is the re-encoded image: the photo's GPS is gone.
    const served = await fetch(`${server.url}${request.attachments[1]?.url}`)
    expect(served.headers.get('Content-Type')).toBe('image/jpeg')
    const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata()
    expect(metadata.exif).toBeUndefined()
  })

  it('comments with an image, shown in that comment', async () => {
    const browser = new FormBrowser()
    const filed = await browser.post('/requests', { title: 'CSV export' })
    const requestId = requestIdIn(filed.headers.get('Location'))
    await server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
    })
    const res = await browser.post(`/requests/${requestId}/comments`, { body: 'Here' }, [pngFile()])
    expect(res.status).toBe(303)
    const { comments } = await requestOf(requestId)
    const [comment] = comments
    expect(comment?.attachments).toHaveLength(1)
    const html = await browser.page(`/p/${projectId}/requests/${requestId}`)
    const commentHtml = html.slice(html.indexOf(`id="comment-${comment?.id}"`))
    expect(commentHtml).toContain(`<img src="${comment?.attachments[0]?.url}" alt="Image 1"`)
  })

  it('files a request without images when none was chosen', async () => {
    const res = await new FormBrowser().post('/requests', { title: 'No pictures' })
    expect(res.status).toBe(303)
    expect((await requestOf(requestIdIn(res.headers.get('Location')))).attachments).toEqual([])
  })

  it('refuses an SVG, or bytes that are not the image they claim, with a page saying why, and files nothing', async () => {
    const browser = new FormBrowser()
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'x.svg', {
      type: 'image/svg+xml',
    })
    const disguised = new File(['<html><script>alert(1)</script>'], 'x.png', { type: 'image/png' })
    for (const file of [svg, disguised]) {
      const res = await browser.post('/requests', { title: 'Sneaky' }, [file])
      expect(res.status).toBe(415)
      expect(res.headers.get('Content-Type')).toContain('text/html')
      expect(await res.text()).toContain('unsupported_media_type')
    }
    const list = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      headers: { 'X-Reqio-Anonymous-Id': 'reader-000001' },
    })
    expect(((await list.json()) as { requests: unknown[] }).requests).toEqual([])
  })

  it('refuses a fifth image, and an image over 5 MiB, as 4xx pages', async () => {
    const browser = new FormBrowser()
    const five = Array.from({ length: 5 }, (_, i) => pngFile(`${i}.png`))
    expect((await browser.post('/requests', { title: 'Many' }, five)).status).toBe(400)
    const huge = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' })
    expect((await browser.post('/requests', { title: 'Huge' }, [huge])).status).toBe(413)
  })
})
