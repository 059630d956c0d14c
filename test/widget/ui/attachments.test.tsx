import { fireEvent, waitFor } from '@testing-library/preact'
import sharp from 'sharp'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { currentServer, useRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

type Widget = ReturnType<typeof startWidget>

/** A real PNG (the server decodes and re-encodes what it stores). */
let png: Buffer
beforeAll(async () => {
  png = await sharp({
    create: { width: 40, height: 30, channels: 3, background: '#4f46e5' },
  })
    .png()
    .toBuffer()
})
const screenshot = (name = 'shot.png') =>
  new File([new Uint8Array(png)], name, { type: 'image/png' })

async function openForm(w: Widget) {
  w.reqio.open()
  fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest a feature' }))
  return {
    title: w.ui().getByRole('textbox', { name: 'Title' }) as HTMLInputElement,
    details: w.ui().getByRole('textbox', { name: 'Details (optional)' }) as HTMLTextAreaElement,
    send: w.ui().getByRole('button', { name: 'Send' }) as HTMLButtonElement,
  }
}

/** Chooses files in the "Add image" picker, as the browser's file dialog would. */
function pick(w: Widget, ...files: File[]) {
  const input = w.ui().getByLabelText('Add image') as HTMLInputElement
  Object.defineProperty(input, 'files', { configurable: true, value: files })
  fireEvent.change(input)
}

/** What the widget says when it refuses an image, whatever the reason. */
const RULES = 'Up to 4 images: PNG, JPEG, WebP or GIF, at most 5 MB each.'

const uploads = (w: Widget) => w.server.calls.filter((c) => c.path.endsWith('/attachments'))

describe('images in the submit form', () => {
  it('uploads a chosen image at once, as the visitor, shows its thumbnail and sends its id with the request', async () => {
    const w = startWidget()
    const form = await openForm(w)
    fireEvent.input(form.title, { target: { value: 'Dark mode' } })
    pick(w, screenshot())
    expect(w.ui().getByText('Uploading…')).toBeTruthy()
    const thumbnail = (await w.ui().findByRole('img', { name: 'Image 1' })) as HTMLImageElement
    const [upload] = uploads(w)
    expect(upload?.method).toBe('POST')
    expect(upload?.path).toBe(`/v1/projects/${w.server.projectId}/attachments`)
    expect(upload?.headers.get('Content-Type')).toBe('image/png')
    expect(upload?.headers.get('X-Reqio-Anonymous-Id')).toMatch(/[0-9a-f-]{36}/)
    expect(upload?.body).toEqual({ type: 'image/png', size: png.length })
    const { attachment } = upload?.answer as { attachment: { id: string; url: string } }
    expect(thumbnail.src).toBe(`${w.server.url}${attachment.url}`)

    fireEvent.click(w.ui().getByRole('button', { name: 'Send' }))
    expect(await w.ui().findByText('Thanks! Your request is in.')).toBeTruthy()
    const post = w.server.writes().find((c) => c.path.endsWith('/requests'))
    expect(post?.body).toEqual({ title: 'Dark mode', body: '', attachmentIds: [attachment.id] })
    // The form is empty again, images included.
    fireEvent.click(w.ui().getByRole('button', { name: 'Suggest a feature' }))
    expect(w.ui().queryByRole('img', { name: 'Image 1' })).toBeNull()
  })

  it('takes an image pasted into a field, and sends only the images left after a removal', async () => {
    const w = startWidget()
    const form = await openForm(w)
    fireEvent.input(form.title, { target: { value: 'Bulk export' } })
    fireEvent.paste(form.details, { clipboardData: { files: [screenshot('a.png')] } })
    pick(w, screenshot('b.png'))
    await w.ui().findByRole('img', { name: 'Image 2' })
    await w.server.idle()
    const [first, second] = uploads(w).map(
      (c) => (c.answer as { attachment: { id: string } }).attachment.id,
    )
    fireEvent.click(w.ui().getByRole('button', { name: 'Remove image 1' }))
    expect(w.ui().queryByRole('img', { name: 'Image 2' })).toBeNull()
    expect(w.ui().getByRole('img', { name: 'Image 1' })).toBeTruthy()
    fireEvent.click(form.send)
    await w.ui().findByText('Thanks! Your request is in.')
    const post = w.server.writes().find((c) => c.path.endsWith('/requests'))
    expect(post?.body).toEqual({ title: 'Bulk export', body: '', attachmentIds: [second] })
    expect(first).not.toBe(second)
  })

  it('refuses an image over 5 MB, or one of another type, without uploading it', async () => {
    const w = startWidget()
    await openForm(w)
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' })
    pick(w, big)
    expect(await w.ui().findByText(RULES)).toBeTruthy()
    pick(w, new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }))
    expect(await w.ui().findByText(RULES)).toBeTruthy()
    expect(uploads(w)).toEqual([])
    expect(w.ui().queryByRole('img')).toBeNull()
  })

  it('keeps the typed words when an upload fails, says why, and still sends them', async () => {
    const w = startWidget()
    const form = await openForm(w)
    fireEvent.input(form.title, { target: { value: 'Offline maps' } })
    fireEvent.input(form.details, { target: { value: 'For the mountains' } })
    w.server.answerNext({
      status: 415,
      body: { error: { code: 'unsupported_media_type', message: 'Not a PNG.' } },
    })
    pick(w, screenshot())
    expect(await w.ui().findByText(RULES)).toBeTruthy()
    w.server.setOffline(true)
    pick(w, screenshot())
    expect(await w.ui().findByText('You seem to be offline.')).toBeTruthy()
    expect(form.title.value).toBe('Offline maps')
    expect(form.details.value).toBe('For the mountains')
    expect(w.ui().queryByText('Uploading…')).toBeNull()
    w.server.setOffline(false)
    fireEvent.click(form.send)
    expect(await w.ui().findByText('Thanks! Your request is in.')).toBeTruthy()
    expect(await w.server.titles()).toContain('Offline maps')
  })

  it('waits for an upload still running before it can send', async () => {
    const w = startWidget()
    const form = await openForm(w)
    fireEvent.input(form.title, { target: { value: 'Dark mode' } })
    pick(w, screenshot())
    expect(form.send.disabled).toBe(true)
    await w.ui().findByRole('img', { name: 'Image 1' })
    expect(form.send.disabled).toBe(false)
  })
})

describe('images in the request view', () => {
  async function openRequest(w: Widget, title: string) {
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: title }))
    await w.ui().findByRole('heading', { name: title })
  }

  it('shows a request’s and a comment’s images as links that open them full size', async () => {
    const server = currentServer()
    await server.setSettings({ allowAnonymousComments: true })
    const w = startWidget({ server })
    const form = await openForm(w)
    fireEvent.input(form.title, { target: { value: 'Dark mode' } })
    pick(w, screenshot())
    await w.ui().findByRole('img', { name: 'Image 1' })
    fireEvent.click(form.send)
    await w.ui().findByText('Thanks! Your request is in.')
    await openRequest(w, 'Dark mode')

    const box = await w.ui().findByRole('textbox', { name: 'Comment' })
    fireEvent.input(box, { target: { value: 'Here is where it hurts' } })
    fireEvent.paste(box, { clipboardData: { files: [screenshot()] } })
    await waitFor(() => expect(w.ui().getAllByRole('img', { name: 'Image 1' })).toHaveLength(2))
    fireEvent.click(w.ui().getByRole('button', { name: 'Send' }))
    // Pending, then as the server has it.
    await w.ui().findByText('Here is where it hurts')
    await waitFor(() => expect(w.ui().queryByText('Pending')).toBeNull())
    const comment = w.ui().getByText('Here is where it hurts').closest('li') as HTMLElement
    const post = w.server.writes().find((c) => c.path.endsWith('/comments'))
    const [, commentUpload] = uploads(w)
    const { attachment } = commentUpload?.answer as { attachment: { id: string; url: string } }
    expect(post?.body).toEqual({ body: 'Here is where it hurts', attachmentIds: [attachment.id] })

    const links = w.ui().getAllByRole('link', { name: 'Image 1' }) as HTMLAnchorElement[]
    expect(links).toHaveLength(2)
    expect(links[1]?.href).toBe(`${w.server.url}${attachment.url}`)
    expect(links.every((link) => link.target === '_blank')).toBe(true)
    expect(comment.contains(links[1] as Node)).toBe(true)
    // The comment box is empty again, its images too.
    expect(w.ui().queryByText('Uploading…')).toBeNull()
    expect(w.ui().getAllByRole('img', { name: 'Image 1' })).toHaveLength(2)
  })

  it('sends a comment with its uploaded image once back online, showing it pending meanwhile', async () => {
    const server = currentServer()
    await server.setSettings({ allowAnonymousComments: true })
    await server.seed([{ title: 'CSV export' }])
    const w = startWidget({ server })
    await openRequest(w, 'CSV export')
    const box = await w.ui().findByRole('textbox', { name: 'Comment' })
    fireEvent.input(box, { target: { value: 'Like this' } })
    pick(w, screenshot())
    await w.ui().findByRole('img', { name: 'Image 1' })
    server.setOffline(true)
    fireEvent.click(w.ui().getByRole('button', { name: 'Send' }))
    const pending = (await w.ui().findByText('Like this')).closest('li') as HTMLElement
    await waitFor(() => expect(pending.textContent).toContain('Pending'))
    expect(pending.querySelector('img')?.alt).toBe('Image 1')

    server.setOffline(false)
    window.dispatchEvent(new Event('online'))
    await waitFor(() => expect(w.ui().queryByText('Pending')).toBeNull())
    const [upload] = uploads(w)
    const { attachment } = upload?.answer as { attachment: { id: string } }
    const posts = server.writes().filter((c) => c.path.endsWith('/comments'))
    expect(posts.map((c) => c.body)).toContainEqual({
      body: 'Like this',
      attachmentIds: [attachment.id],
    })
  })

  it('shows no image whose address is not http(s), whatever an answer says', async () => {
    const server = currentServer()
    const [id] = await server.seed([{ title: 'Tampered' }])
    const withBadImages = (request: Record<string, unknown>) => {
      request.attachments = [
        { id: 'a1', url: 'javascript:alert(1)', width: 1, height: 1 },
        { id: 'a2', url: 42 },
      ]
    }
    // The list's copy and the request's own: the view shows them merged.
    server.tamper('/requests', (body) => {
      for (const request of (body as { requests: Array<Record<string, unknown>> }).requests) {
        withBadImages(request)
      }
      return body
    })
    server.tamper(`/requests/${id}`, (body) => {
      withBadImages((body as { request: Record<string, unknown> }).request)
      return body
    })
    const w = startWidget({ server })
    await openRequest(w, 'Tampered')
    await waitFor(() => expect(w.server.calls.some((c) => c.path.endsWith(`/${id}`))).toBe(true))
    await w.server.idle()
    expect(w.shadow().querySelector('a[href^="javascript"], img')).toBeNull()
  })
})
