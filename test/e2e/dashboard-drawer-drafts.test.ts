// Issue 26's leftovers in Chromium, on the built dashboard: closing the request drawer with an
// unsaved status note or reply asks first, in the page (Close, Escape and a click beside it),
// and a long thread scrolls in its own box so the reply box stays near the drawer's top.
// Screenshots: drawer-long-thread-<width>.png and drawer-close-unsaved-<width>.png.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { backlog, createProject, fileRequest } from './support/backend'
import { createOwnerThroughApi, signedInPage } from './support/dashboard'
import { isFocused } from './support/keyboard'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const OWNER = { email: 'dee@example.com', name: 'Dee', password: 'correct horse battery' }

describe('the request drawer keeps what was typed and the reply box in reach', () => {
  const world = useWorld()

  // The owner account is not what this file tests: it is made through the API.
  beforeAll(() => createOwnerThroughApi(world, OWNER))

  const signedIn = (width: number, height = 900): Promise<Page> =>
    signedInPage(world, OWNER, { viewport: { width, height } })

  async function openDrawer(page: Page, projectId: string, requestId: string, title: string) {
    await page.goto(`${world.server.url}/dashboard/p/${projectId}/requests/${requestId}`)
    const drawer = page.getByRole('dialog', { name: `Request: ${title}` })
    await drawer.waitFor()
    return drawer
  }

  async function teamReply(projectId: string, requestId: string, body: string) {
    const res = await world.server.adminFetch(
      `/v1/admin/projects/${projectId}/requests/${requestId}/comments`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body, internal: false }),
      },
    )
    expect(res.status).toBe(201)
  }

  it('scrolls a long thread in its own box, at its newest comment, with the reply box in the first screen', async () => {
    const { project } = await createProject(world, 'Long Thread')
    const request = await fileRequest(world, project.id, 'Calendar sync')
    for (let n = 1; n <= 40; n++)
      await teamReply(project.id, request.id, `Update number ${n}: still looking into it.`)

    for (const width of [1280, 375]) {
      const page = await signedIn(width)
      const drawer = await openDrawer(page, project.id, request.id, 'Calendar sync')
      const thread = drawer.getByRole('region', { name: 'Thread, oldest first' })
      await thread.getByText('Update number 40: still looking into it.').waitFor()
      const box = await thread.evaluate((element) => ({
        scrolls: element.scrollHeight > element.clientHeight,
        atEnd: element.scrollTop + element.clientHeight >= element.scrollHeight - 2,
      }))
      expect(box).toEqual({ scrolls: true, atEnd: true })
      // Without scrolling the drawer, the reply box is on screen: near the top, not under 40 comments.
      const reply = drawer.getByLabel('Reply or note')
      const bottom = await reply.evaluate((element) => element.getBoundingClientRect().bottom)
      expect(bottom).toBeLessThan(900)
      await page.screenshot({ path: join(SCREENSHOT_DIR, `drawer-long-thread-${width}.png`) })
    }
  })

  it('asks before Close, Escape or a click beside the drawer drop an unsaved note or reply', async () => {
    const { project } = await createProject(world, 'Drafts')
    const request = await fileRequest(world, project.id, 'Offline mode')
    for (const width of [1280, 375]) {
      const page = await signedIn(width)
      let drawer = await openDrawer(page, project.id, request.id, 'Offline mode')

      // Nothing typed: Close closes at once.
      await drawer.getByRole('button', { name: 'Close', exact: true }).click()
      await drawer.waitFor({ state: 'detached' })

      drawer = await openDrawer(page, project.id, request.id, 'Offline mode')
      const note = drawer.getByLabel('Status note (public)')
      await note.fill('Planned for June.')
      await drawer.getByLabel('Reply or note').fill('Thanks, we are on it.')
      await drawer.getByRole('button', { name: 'Close', exact: true }).click()
      const asked = drawer.getByRole('alertdialog', { name: 'Close without saving?' })
      await asked.waitFor()
      expect(await asked.innerText()).toContain(
        'Your status change or note and your reply are not saved',
      )
      // Keeping is the safe answer: focus starts there, and it keeps every word.
      const keep = asked.getByRole('button', { name: 'Keep editing' })
      await eventually(() => isFocused(keep)).toBe(true)
      await page.screenshot({ path: join(SCREENSHOT_DIR, `drawer-close-unsaved-${width}.png`) })
      await keep.click()
      await asked.waitFor({ state: 'detached' })
      expect(await note.inputValue()).toBe('Planned for June.')

      // Escape from the note asks too; Escape again answers "keep".
      await note.focus()
      await page.keyboard.press('Escape')
      await asked.waitFor()
      // The question takes focus as it opens; the second Escape is meant for it.
      await eventually(() => isFocused(keep)).toBe(true)
      await page.keyboard.press('Escape')
      await asked.waitFor({ state: 'detached' })
      expect(await drawer.count()).toBe(1)

      // A click beside the drawer (a phone has no beside: Close) asks; discarding closes it
      // and saves nothing.
      if (width > 720) await page.mouse.click(5, 450)
      else await drawer.getByRole('button', { name: 'Close', exact: true }).click()
      await asked.getByRole('button', { name: 'Discard and close' }).click()
      await drawer.waitFor({ state: 'detached' })
      expect(await backlog(world, project.id)).toMatchObject([{ status: 'open', statusNote: null }])
    }
  })
})
