// Issue 19 in Chromium: the site owner's first hour by keyboard alone. Every move is a key press
// (page.keyboard); locators only say where focus must land and what must be on screen.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { mintToken } from '../helpers/tokens'
import { createProject, fileRequest } from './support/backend'
import { createOwnerThroughApi } from './support/dashboard'
import { isFocused, tabTo } from './support/keyboard'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const OWNER = { email: 'kim@example.com', name: 'Kim', password: 'correct horse battery' }

describe('the dashboard by keyboard alone', () => {
  const world = useWorld()

  // The owner account is not what this file tests: it is made through the API.
  beforeAll(() => createOwnerThroughApi(world, OWNER))

  /** A page that may read what the dashboard copies, signed in by keyboard. */
  async function signedIn(): Promise<Page> {
    const { page, context } = await world.openPage({ viewport: { width: 1280, height: 900 } })
    // A locator that never appears fails naming itself, well before the test's own timeout.
    page.setDefaultTimeout(15_000)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: world.server.url,
    })
    await page.goto(`${world.server.url}/dashboard/`)
    await tabTo(page, page.getByLabel('Email'))
    await page.keyboard.type(OWNER.email)
    await page.keyboard.press('Tab')
    expect(await isFocused(page.getByLabel('Password'))).toBe(true)
    await page.keyboard.type(OWNER.password)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor()
    return page
  }

  const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText())
  const focusedText = (page: Page) =>
    page.evaluate(() => document.activeElement?.textContent?.trim())

  /** From the project list: Tab to the project, Enter, and focus is on its name on Install. */
  async function openProject(page: Page, name: string) {
    await tabTo(page, page.getByRole('button', { name, exact: true }))
    await page.keyboard.press('Enter')
    const title = page.getByRole('heading', { level: 1, name })
    await eventually(() => isFocused(title)).toBe(true)
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe('Install')
  }

  it('install: creates a project, lands on Install and copies the anonymous tag', async () => {
    const page = await signedIn()
    await tabTo(page, page.getByLabel('New project name'))
    await page.keyboard.type('Keyboard Shop')
    await page.keyboard.press('Enter')

    const title = page.getByRole('heading', { level: 1, name: 'Keyboard Shop' })
    await eventually(() => isFocused(title)).toBe(true)
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe('Install')
    expect(page.url()).toMatch(/\/dashboard\/#\/projects\/keyboard-shop-[0-9a-f]+\/install$/)

    const copy = page.getByRole('button', { name: 'Copy Anonymous script tag' })
    await tabTo(page, copy)
    await page.keyboard.press('Enter')
    const copied = page.getByRole('button', { name: 'Copied Anonymous script tag' })
    await eventually(() => isFocused(copied)).toBe(true)
    const tag = await clipboard(page)
    expect(tag).toMatch(
      /^<script src="http:\/\/127\.0\.0\.1:\d+\/widget\.js" data-project-id="keyboard-shop-[0-9a-f]+" async><\/script>$/,
    )
    expect(tag).toBe(
      (
        await page
          .getByRole('figure')
          .filter({ hasText: 'Anonymous script tag' })
          .locator('code')
          .innerText()
      ).trim(),
    )
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-keyboard-install.png') })
  })

  it('identity: chooses a stack, reveals and copies the secret, and checks a token with it', async () => {
    const { project } = await createProject(world, 'Keyboard Identity')
    const page = await signedIn()
    await openProject(page, 'Keyboard Identity')

    // Install's "Set up identity" moves focus to Identity in the Settings navigation.
    await tabTo(page, page.getByRole('button', { name: 'Set up identity' }))
    await page.keyboard.press('Enter')
    await eventually(() => focusedText(page)).toBe('Identity')

    // 1. The stack: arrow keys move through the radios, and the snippet follows.
    const nextjs = page.getByRole('radio', { name: 'Next.js' })
    expect(await nextjs.isChecked()).toBe(true)
    await tabTo(page, nextjs)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await eventually(() => page.getByRole('radio', { name: 'Python' }).isChecked()).toBe(true)
    await page.getByRole('button', { name: 'Copy Python: reqio_token.py' }).waitFor()

    // 2. The secret, revealed and copied.
    await tabTo(page, page.getByRole('button', { name: 'Generate secret' }))
    await page.keyboard.press('Enter')
    const reveal = page.getByRole('region', { name: 'New signing secret' })
    await tabTo(page, reveal.getByRole('button', { name: 'Copy Signing secret' }))
    await page.keyboard.press('Enter')
    await reveal.getByRole('button', { name: 'Copied Signing secret' }).waitFor()
    const secret = await clipboard(page)
    expect(secret.length).toBeGreaterThanOrEqual(32)

    // 3 and 4: the snippets carry this project, and the tag no placeholder.
    const tag = page
      .locator('figure', { has: page.getByText('Script tag', { exact: true }) })
      .locator('code')
    expect(await tag.innerText()).toContain('data-identity-token="{{ reqio_token }}"')

    // 5. Check a token minted with the copied secret.
    const token = await mintToken(secret, {
      aud: project.audience,
      sub: 'kim-customer',
      email: 'pat@example.com',
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
    })
    await tabTo(page, page.getByLabel('Token', { exact: true }))
    await page.keyboard.type(token)
    await page.keyboard.press('Tab')
    expect(await isFocused(page.getByRole('button', { name: 'Check token' }))).toBe(true)
    await page.keyboard.press('Enter')
    const outcome = page.getByRole('status').filter({ hasText: 'Verified.' })
    await outcome.waitFor()
    expect(await outcome.innerText()).toContain('kim-customer')
    expect(await outcome.innerText()).toContain('$49.00')
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'dashboard-keyboard-identity.png'),
      fullPage: true,
    })

    // Copied, so leaving asks nothing: Shift+Tab back to the tabs, and on to the Backlog.
    const asked: string[] = []
    page.on('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    })
    await tabTo(page, page.getByRole('tab', { selected: true }), { backwards: true, most: 80 })
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowRight')
    await eventually(() => focusedText(page)).toBe('Backlog')
    expect(asked).toEqual([])
  })

  it('triage: opens a request with Enter, changes and saves its status, Escape returns to the row', async () => {
    const { project } = await createProject(world, 'Keyboard Triage')
    await fileRequest(world, project.id, 'Export to PDF')
    await fileRequest(world, project.id, 'Dark mode')
    const page = await signedIn()
    await openProject(page, 'Keyboard Triage')

    // The tab list is one Tab stop: focus lands on the selected tab, the arrow moves on.
    await tabTo(page, page.getByRole('tab', { name: 'Install' }))
    await page.keyboard.press('ArrowRight')
    await eventually(() => focusedText(page)).toBe('Backlog')

    const table = page.getByRole('table', { name: 'Backlog' })
    const row = table.getByRole('button', { name: 'Export to PDF' })
    await tabTo(page, row)
    await page.keyboard.press('Enter')
    const drawer = page.getByRole('dialog', { name: 'Request: Export to PDF' })
    await eventually(() => isFocused(drawer.getByRole('heading', { level: 2 }))).toBe(true)
    expect(new URL(page.url()).pathname).toMatch(
      new RegExp(`^/dashboard/p/${project.id}/requests/r_[\\w-]+$`),
    )

    // The status and its public note save together, with one button (issue 26, bug 3).
    await tabTo(page, drawer.getByRole('combobox', { name: /^Status/ }))
    await page.keyboard.press('ArrowDown')
    await tabTo(page, drawer.getByLabel('Status note (public)'))
    await page.keyboard.type('Coming in June.')
    await page.keyboard.press('Tab')
    expect(await isFocused(drawer.getByRole('button', { name: 'Save and tell people' }))).toBe(true)
    await page.keyboard.press('Enter')
    await eventually(() => drawer.getByText('Status and note saved.').count()).toBe(1)

    // Copy link, then Escape: the drawer closes and focus is back on the row.
    await tabTo(page, drawer.getByRole('button', { name: 'Copy link to this request' }), {
      backwards: true,
    })
    await page.keyboard.press('Enter')
    expect(await clipboard(page)).toBe(page.url())
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-keyboard-triage.png') })
    await page.keyboard.press('Escape')
    await eventually(() => isFocused(row)).toBe(true)
    expect(await drawer.count()).toBe(0)
    expect(new URL(page.url()).hash).toBe(`#/projects/${project.id}/backlog`)
    await eventually(() =>
      table.getByRole('row').filter({ hasText: 'Export to PDF' }).innerText(),
    ).toContain('Planned')
  })
})
