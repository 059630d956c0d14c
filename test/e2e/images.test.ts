// Issue 29's images in Chromium, on the built widget.js and the portal: a real PNG attached in
// the widget's submit form (file picker) and its comment box (paste), and in the portal's forms
// (with portal.js, and with JavaScript off); thumbnails that open the image full size in a new
// tab, from the keyboard too; axe on the new views at 1280 and 375 px. Screenshots go to
// test/e2e/screenshots/ (images-*.png).
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations, seriousWidgetViolations } from './support/axe'
import { createProject, tokenFor } from './support/backend'
import { SCREENSHOT_DIR, serveHostPage, useWorld } from './support/world'

const world = useWorld({ demo: false })

/** A real screenshot-like PNG: a gradient the server decodes and re-encodes. */
let png: Buffer
beforeAll(async () => {
  const width = 320
  const height = 200
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      pixels.set([x % 256, y % 256, 180], (y * width + x) * 3)
    }
  }
  png = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer()
})
const pngFile = (name: string) => ({ name, mimeType: 'image/png', buffer: png })

/** Pastes the PNG into `field` as the clipboard would (a paste event carrying the file). */
async function pasteImage(field: Locator) {
  await field.evaluate(
    (element, bytes) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(bytes)], 'pasted.png', { type: 'image/png' }))
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, composed: true }),
      )
    },
    [...png],
  )
}

/** Clicks `link` (or presses Enter on it) and answers what the new tab loaded. */
async function openedInNewTab(page: Page, open: () => Promise<void>) {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), open()])
  await tab.waitForLoadState()
  // An image opened by itself is a document of its own type, showing the image full size.
  const found = {
    url: tab.url(),
    type: await tab.evaluate(() => document.contentType),
    width: await tab.evaluate(() => document.querySelector('img')?.naturalWidth),
  }
  await tab.close()
  return found
}

describe('images in the widget', () => {
  it.each([
    [1280, 800],
    [375, 740],
  ])(
    'attaches a PNG to a new request (picker) and to a comment (paste); thumbnails open full size, at %i px',
    async (width, height) => {
      const created = await createProject(world)
      const projectId = created.project.id
      const token = await tokenFor(created, { sub: 'ann', name: 'Ann' })
      const { page } = await world.openPage({ viewport: { width, height }, isMobile: width < 500 })
      await page.goto(serveHostPage(world, { projectId, token }))
      const root = page.locator('reqio-widget')
      await root.getByRole('button', { name: /^Feedback/ }).click()
      const dialog = root.getByRole('dialog')
      await dialog.getByRole('button', { name: 'Suggest a feature' }).click()
      await dialog.getByRole('textbox', { name: 'Title' }).fill('Crop screenshots')
      // From the keyboard: Tab from Details reaches "Add image", Space opens the file dialog.
      await dialog.getByRole('textbox', { name: 'Details (optional)' }).focus()
      await page.keyboard.press('Tab')
      const focused = await root.evaluate((host) => {
        const active = host.shadowRoot?.activeElement as HTMLInputElement | null
        return active && `${active.type} ${active.closest('label')?.textContent}`
      })
      expect(focused).toBe('file Add image')
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `images-widget-picker-focus-${width}.png`),
      })
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.keyboard.press('Space'),
      ])
      await chooser.setFiles(pngFile('editor.png'))
      const thumbnail = dialog.getByRole('img', { name: 'Image 1' })
      await thumbnail.waitFor()
      expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320)
      await page.screenshot({ path: join(SCREENSHOT_DIR, `images-widget-form-${width}.png`) })
      expect(await seriousWidgetViolations(page)).toEqual([])

      await dialog.getByRole('button', { name: 'Send' }).click()
      await dialog.getByText('Thanks! Your request is in.').waitFor()
      await dialog.getByRole('button', { name: 'Crop screenshots', exact: true }).click()
      // The request's image, above the thread (the comment's comes after it).
      const requestImage = dialog.getByRole('link', { name: 'Image 1' }).first()
      await requestImage.waitFor()

      const box = dialog.getByRole('textbox', { name: 'Comment' })
      await box.fill('This part is cut off.')
      await pasteImage(box)
      await dialog.getByRole('button', { name: 'Remove image 1' }).waitFor()
      await dialog.getByRole('button', { name: 'Send' }).click()
      const comment = dialog.getByRole('listitem').filter({ hasText: 'This part is cut off.' })
      const commentImage = comment.getByRole('link', { name: 'Image 1' })
      await commentImage.waitFor()
      await comment.getByText('You').waitFor()
      await page.screenshot({ path: join(SCREENSHOT_DIR, `images-widget-thread-${width}.png`) })
      expect(await seriousWidgetViolations(page)).toEqual([])

      // Full size in a new tab: by click, and from the keyboard.
      const byClick = await openedInNewTab(page, () => requestImage.click())
      expect(byClick).toMatchObject({ type: 'image/png', width: 320 })
      expect(byClick.url).toMatch(new RegExp(`^${world.server.url}/v1/projects/${projectId}/`))
      await commentImage.focus()
      const byKey = await openedInNewTab(page, () => page.keyboard.press('Enter'))
      expect(byKey.type).toBe('image/png')
      expect(byKey.url).not.toBe(byClick.url)
    },
  )
})

describe('images in the portal', () => {
  it.each([
    [1280, 800],
    [375, 800],
  ])(
    'attaches a PNG to a new request and to a comment, with portal.js; thumbnails open full size, at %i px',
    async (width, height) => {
      const { project } = await createProject(world, 'Initech')
      const settings = { settings: { allowAnonymousComments: true } }
      await world.server.adminFetch(`/v1/admin/projects/${project.id}`, {
        method: 'PATCH',
        body: JSON.stringify(settings),
      })
      const { page } = await world.openPage({ viewport: { width, height } })
      await page.goto(`${world.server.url}/p/${project.id}`)
      await page.getByLabel('Title').fill('Annotate screenshots')
      await page.getByLabel('Add image').setInputFiles(pngFile('board.png'))
      await page.getByRole('button', { name: 'Send' }).click()
      await page.getByRole('heading', { level: 1, name: 'Annotate screenshots' }).waitFor()
      const requestImage = page.getByRole('link', { name: 'Image 1' }).first()
      await requestImage.waitFor()

      await page.getByLabel('Your comment').fill('Arrows would help.')
      await page.getByLabel('Add image').setInputFiles(pngFile('arrows.png'))
      await page.getByRole('button', { name: 'Comment', exact: true }).click()
      const comment = page.getByRole('listitem').filter({ hasText: 'Arrows would help.' })
      const commentImage = comment.getByRole('link', { name: 'Image 1' })
      await commentImage.waitFor()
      expect(
        await comment
          .getByRole('img', { name: 'Image 1' })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      ).toBe(320)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `images-portal-request-${width}.png`),
        fullPage: true,
      })

      const byClick = await openedInNewTab(page, () => requestImage.click())
      expect(byClick.type).toBe('image/png')
      await commentImage.focus()
      const byKey = await openedInNewTab(page, () => page.keyboard.press('Enter'))
      expect(byKey.type).toBe('image/png')
      expect(byKey.url).not.toBe(byClick.url)

      // axe is injected as a script: a context that lets it past the portal's strict CSP.
      const scan = await world.openPage({ viewport: { width, height }, bypassCSP: true })
      await scan.page.goto(page.url())
      await scan.page.getByRole('link', { name: 'Image 1' }).first().waitFor()
      expect(await seriousViolations(scan.page)).toEqual([])
      await scan.page.goto(`${world.server.url}/p/${project.id}`)
      expect(await seriousViolations(scan.page)).toEqual([])
    },
  )

  it('attaches a PNG with JavaScript off (a multipart form), and refuses an oversized one with portal.js before posting', async () => {
    const { project } = await createProject(world, 'Globex')
    const { page } = await world.openPage({ javaScriptEnabled: false })
    await page.goto(`${world.server.url}/p/${project.id}`)
    await page.getByLabel('Title').fill('Paste from clipboard')
    await page.getByLabel('Add image').setInputFiles(pngFile('clipboard.png'))
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByRole('heading', { level: 1, name: 'Paste from clipboard' }).waitFor()
    const image = page.getByRole('img', { name: 'Image 1' })
    await image.waitFor()
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'images-portal-no-js.png') })

    const withScript = await world.openPage()
    await withScript.page.goto(`${world.server.url}/p/${project.id}`)
    await withScript.page.getByLabel('Title').fill('Huge screenshot')
    const huge = { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(6 * 1024 * 1024) }
    await withScript.page.getByLabel('Add image').setInputFiles(huge)
    const refusal = await withScript.page
      .getByLabel('Add image')
      .evaluate((input: HTMLInputElement) => input.validationMessage)
    expect(refusal).toContain('5 MB')
    await withScript.page.getByRole('button', { name: 'Send' }).click()
    // Not posted: still on the board, the words still typed.
    expect(new URL(withScript.page.url()).pathname).toBe(`/p/${project.id}`)
    expect(await withScript.page.getByLabel('Title').inputValue()).toBe('Huge screenshot')
  })
})
