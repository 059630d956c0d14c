// Issue 27 "Links that land": a link from an email or a shared message names a request with
// `?reqio-request={rid}` on the customer's own site (another origin than Reqio's); the widget
// opens its panel on that request as it starts, without a click, and leaves the URL alone.
// On the built widget.js, in Chromium. Screenshot: test/e2e/screenshots/widget-linked-request-375.png.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { publicRequestLink } from '../../src/shared/request-link'
import { createProject, fileRequest } from './support/backend'
import { SCREENSHOT_DIR, serveHostPage, useWorld } from './support/world'

const world = useWorld()

/** A project whose site is a page of the host site, and the link an email would carry. */
async function linkedSite() {
  const created = await createProject(world)
  const projectId = created.project.id
  await fileRequest(world, projectId, 'Export to CSV')
  const { id } = await fileRequest(world, projectId, 'Dark mode')
  const siteUrl = `${serveHostPage(world, { projectId })}?tab=help`
  const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}`, {
    method: 'PATCH',
    body: JSON.stringify({ settings: { siteUrl } }),
  })
  expect(res.status).toBe(200)
  const link = publicRequestLink({ siteUrl, publicUrl: world.server.url, projectId, requestId: id })
  return { siteUrl, link }
}

describe('a link to one request on the customer’s site', () => {
  it.each([
    [1280, 800],
    [375, 740],
  ])('opens the widget on that request at once, at %i px', async (width, height) => {
    const { link } = await linkedSite()
    expect(link).toMatch(/\?tab=help&reqio-request=/)
    const { page } = await world.openPage({ viewport: { width, height }, isMobile: width < 500 })
    await page.goto(link)
    const dialog = page.locator('reqio-widget').getByRole('dialog')
    // No click: the request's own view, with its title as the heading and Back to the board.
    await dialog.getByRole('heading', { name: 'Dark mode' }).waitFor({ timeout: 5000 })
    await dialog.getByRole('button', { name: 'Back' }).waitFor()
    expect(await dialog.getByRole('heading', { name: 'Export to CSV' }).count()).toBe(0)
    // The host's URL is left as the link had it.
    expect(page.url()).toBe(link)
    await page.screenshot({ path: join(SCREENSHOT_DIR, `widget-linked-request-${width}.png`) })

    // Back leads to the board, where the other request is listed.
    await dialog.getByRole('button', { name: 'Back' }).click()
    await dialog.getByRole('button', { name: 'Export to CSV', exact: true }).waitFor()
  })

  it('leaves the panel closed on the same site without the parameter', async () => {
    const { siteUrl } = await linkedSite()
    const { page } = await world.openPage()
    await page.goto(siteUrl)
    const root = page.locator('reqio-widget')
    // The launcher is drawn by the mounted UI, which opens a linked request as it mounts.
    await root.getByRole('button', { name: /^Feedback/ }).waitFor()
    expect(await root.getByRole('dialog').count()).toBe(0)
  })
})
