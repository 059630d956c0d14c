// Issue 26 in Chromium: the Settings area by keyboard alone. Every move is a key press
// (page.keyboard); locators only say where focus must land and what must be on screen.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createProject } from './support/backend'
import { createOwnerThroughApi } from './support/dashboard'
import { isFocused, tabTo } from './support/keyboard'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const OWNER = { email: 'kim@example.com', name: 'Kim', password: 'correct horse battery' }

describe('the Settings area by keyboard alone', () => {
  const world = useWorld()

  // The owner account is not what this file tests: it is made through the API.
  beforeAll(() => createOwnerThroughApi(world, OWNER))

  async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
    const { page } = await world.openPage({ viewport })
    page.setDefaultTimeout(15_000)
    await page.goto(`${world.server.url}/dashboard/`)
    await tabTo(page, page.getByLabel('Email'))
    await page.keyboard.type(OWNER.email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(OWNER.password)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor()
    return page
  }

  const focusedText = (page: Page) =>
    page.evaluate(() => document.activeElement?.textContent?.trim())

  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 375, height: 800 },
  ]) {
    it(`reaches every settings page from the tabs and comes back, at ${viewport.width} px`, async () => {
      const { project } = await createProject(world, `Keys ${viewport.width}`)
      const page = await signedIn(viewport)
      await tabTo(page, page.getByRole('button', { name: `Keys ${viewport.width}`, exact: true }))
      await page.keyboard.press('Enter')
      await eventually(() =>
        isFocused(page.getByRole('heading', { level: 1, name: `Keys ${viewport.width}` })),
      ).toBe(true)

      // The tab list is one Tab stop; End is Settings, which opens its first page.
      await tabTo(page, page.getByRole('tab', { name: 'Install' }))
      await page.keyboard.press('End')
      await eventually(() => focusedText(page)).toBe('Settings')
      const nav = page.getByRole('navigation', { name: 'Settings' })
      await nav.waitFor()
      expect(await nav.getByRole('link', { name: 'Identity' }).getAttribute('aria-current')).toBe(
        'page',
      )

      // Tab goes on into the Settings navigation, in its order; Enter follows a link.
      await page.keyboard.press('Tab')
      expect(await focusedText(page)).toBe('Identity')
      await page.keyboard.press('Tab')
      expect(await focusedText(page)).toBe('Project')
      await page.keyboard.press('Tab')
      expect(await focusedText(page)).toBe('Widget')
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { level: 2, name: 'Widget' }).waitFor()
      expect(new URL(page.url()).hash).toBe(`#/projects/${project.id}/settings/widget`)
      // Focus stays on the link followed, so the next page is one more Tab away.
      expect(await focusedText(page)).toBe('Widget')
      await page.keyboard.press('Tab')
      expect(await focusedText(page)).toBe('Portal')
      await page.keyboard.press('Tab')
      expect(await focusedText(page)).toBe('Tags')
      await page.keyboard.press('Tab')
      expect(await focusedText(page)).toBe('Webhooks & mail')
      await page.keyboard.press('Tab')
      expect(await focusedText(page)).toBe('Integrations')
      await page.keyboard.press('Tab')
      expect(await focusedText(page)).toBe('API keys')
      await page.keyboard.press('Tab')
      expect(await focusedText(page)).toBe('Revenue')
      await page.keyboard.press('Tab')
      expect(await focusedText(page)).toBe('Audit log')
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { level: 2, name: 'Audit log' }).waitFor()

      // On to the Project page's form, and its name field answers typing.
      await tabTo(page, nav.getByRole('link', { name: 'Project', exact: true }), {
        backwards: true,
      })
      await page.keyboard.press('Enter')
      await tabTo(page, page.getByLabel('Name'))
      await page.keyboard.press('End')
      await page.keyboard.type(' Renamed')
      await tabTo(page, page.getByRole('button', { name: 'Save settings' }))
      await page.keyboard.press('Enter')
      await eventually(() => page.getByRole('status').innerText()).toBe('Saved.')
      await page
        .getByRole('heading', { level: 1, name: `Keys ${viewport.width} Renamed` })
        .waitFor()
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-nav-keyboard-settings-${viewport.width}.png`),
      })

      // Shift+Tab back to the tab list; the Settings tab remembers the page last seen.
      await tabTo(page, page.getByRole('tab', { selected: true }), { backwards: true, most: 80 })
      await page.keyboard.press('Home')
      await eventually(() => focusedText(page)).toBe('Install')
      await page.keyboard.press('End')
      await eventually(() => focusedText(page)).toBe('Settings')
      expect(await nav.getByRole('link', { name: 'Project' }).getAttribute('aria-current')).toBe(
        'page',
      )
    }, 90_000)
  }
})
