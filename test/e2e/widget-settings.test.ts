// Issue 26, "Widget settings in the dashboard", in Chromium on the built bundles: the site owner
// sets accent, position, launcher text and tabs in Settings › Widget, with a preview; the
// customer's page (widget.js as served) shows them, unless its tag says otherwise. The page and
// the widget it configures are scanned with axe at 1280 and 375 px, and the form is driven by
// keyboard alone.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AdminProject, WidgetSettings } from '../../src/shared/api'
import { seriousViolations } from './support/axe'
import { createProject, fileRequest } from './support/backend'
import { createOwnerThroughApi } from './support/dashboard'
import { isFocused, tabTo } from './support/keyboard'
import { computedStyle, widgetOf } from './support/widget'
import { eventually, SCREENSHOT_DIR, serveHostPage, useWorld } from './support/world'

const OWNER = { email: 'wes@example.com', name: 'Wes', password: 'correct horse battery' }
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 375, height: 812 }

describe('widget settings, from the dashboard to the customer’s page', () => {
  const world = useWorld()

  // The owner account is not what this file tests: it is made through the API.
  beforeAll(() => createOwnerThroughApi(world, OWNER))

  /** The owner, signed in, on the project's Settings › Widget. */
  async function openWidgetSettings(
    projectId: string,
    viewport = DESKTOP,
    options: { bypassCSP?: boolean } = {},
  ): Promise<Page> {
    const { page } = await world.openPage({ viewport, ...options })
    page.setDefaultTimeout(15_000)
    await page.goto(`${world.server.url}/dashboard/`)
    await page.getByLabel('Email').fill(OWNER.email)
    await page.getByLabel('Password').fill(OWNER.password)
    await page.getByLabel('Password').press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor()
    await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/settings/widget`)
    await page.getByLabel('Launcher text').waitFor()
    await page.waitForLoadState('networkidle')
    return page
  }

  async function storedWidget(projectId: string): Promise<WidgetSettings | undefined> {
    const res = await world.server.adminFetch('/v1/admin/projects')
    const { projects } = (await res.json()) as { projects: AdminProject[] }
    return projects.find((project) => project.id === projectId)?.settings.widget
  }

  async function setWidget(projectId: string, widget: Partial<WidgetSettings>) {
    const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { widget } }),
    })
    expect(res.status).toBe(200)
  }

  /** The tab names the open widget offers. */
  const widgetTabs = (page: Page) => widgetOf(page).dialog.getByRole('tab').allInnerTexts()

  it('saves what the owner picks, with a preview first, and the customer’s page shows it', async () => {
    const { project } = await createProject(world, 'Lagoon')
    const page = await openWidgetSettings(project.id)
    const preview = page.getByRole('figure').filter({ hasText: 'Preview' })
    expect(await preview.locator('figcaption').innerText()).toContain(
      '“Feedback” at the bottom right',
    )

    await page.getByLabel('Accent colour', { exact: true }).fill('#FFCC00')
    await page.getByRole('radio', { name: 'Bottom left' }).check()
    await page.getByLabel('Launcher text').fill('Ideas & bugs')
    await page
      .getByRole('group', { name: 'Roadmap tab' })
      .getByRole('radio', { name: 'Never' })
      .check()
    await page
      .getByRole('group', { name: 'What’s new tab' })
      .getByRole('radio', { name: 'Only once an entry is published' })
      .check()
    // Nothing published: the page says what "auto" means today, and the preview follows.
    await page.getByText('No changelog entry is published yet, so it is hidden today.').waitFor()
    expect(await preview.locator('figcaption').innerText()).toContain(
      'the launcher reads “Ideas & bugs” at the bottom left of your page; the panel shows Requests.',
    )
    // A yellow launcher is hard to make out on a white page: the page says so.
    await page.getByText(/stands out little on a white page \(1\.\d:1\)/).waitFor()
    // Black text on it, as the widget will choose.
    expect(await computedStyle(preview.locator('.preview-launcher'), ['color'])).toEqual({
      color: 'rgb(0, 0, 0)',
    })
    expect(await storedWidget(project.id)).toMatchObject({ accent: null })

    await page.getByRole('button', { name: 'Save widget settings' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    expect(await storedWidget(project.id)).toEqual({
      accent: '#ffcc00',
      position: 'bottom-left',
      launcherText: 'Ideas & bugs',
      roadmapTab: 'hidden',
      changelogTab: 'auto',
    })

    // The customer's page, its tag saying nothing of position or accent.
    const customer = await world.openPage({ viewport: DESKTOP })
    await customer.page.goto(serveHostPage(world, { projectId: project.id }))
    const root = customer.page.locator('reqio-widget')
    const launcher = root.getByRole('button', { name: 'Ideas & bugs' })
    await launcher.waitFor({ timeout: 15_000 })
    const box = await launcher.boundingBox()
    expect(box && box.x + box.width).toBeLessThan(DESKTOP.width / 2)
    expect(await computedStyle(launcher, ['background-color', 'color'])).toEqual({
      'background-color': 'rgb(255, 204, 0)',
      color: 'rgb(0, 0, 0)',
    })
    await launcher.click()
    await widgetOf(customer.page).dialog.waitFor()
    expect(await widgetTabs(customer.page)).toEqual(['Requests'])
  }, 90_000)

  it('lets the page’s own data-position and data-accent win, keeping the rest', async () => {
    const { project } = await createProject(world, 'Harbour')
    await setWidget(project.id, {
      accent: '#ffcc00',
      position: 'bottom-left',
      launcherText: 'Tell us',
    })
    const customer = await world.openPage({ viewport: DESKTOP })
    await customer.page.goto(
      serveHostPage(world, {
        projectId: project.id,
        attributes: 'data-position="bottom-right" data-accent="#0b6e4f"',
      }),
    )
    const launcher = customer.page.locator('reqio-widget').getByRole('button', { name: 'Tell us' })
    await launcher.waitFor({ timeout: 15_000 })
    const box = await launcher.boundingBox()
    expect(box?.x).toBeGreaterThan(DESKTOP.width / 2)
    expect(await computedStyle(launcher, ['background-color'])).toEqual({
      'background-color': 'rgb(11, 110, 79)',
    })
  }, 60_000)

  it('shows an auto tab once the project has something for it', async () => {
    const created = await createProject(world, 'Estuary')
    const { project } = created
    await setWidget(project.id, { roadmapTab: 'auto', changelogTab: 'auto' })
    const request = await fileRequest(world, project.id, 'Dark mode')
    const planned = await world.server.adminFetch(
      `/v1/admin/projects/${project.id}/requests/${request.id}`,
      { method: 'PATCH', body: JSON.stringify({ status: 'planned' }) },
    )
    expect(planned.status).toBe(200)
    const customer = await world.openPage({ viewport: DESKTOP })
    await customer.page.goto(serveHostPage(world, { projectId: project.id }))
    const widget = widgetOf(customer.page)
    await widget.launcher.waitFor()
    // The settings come with the launcher's background request, once the page has settled.
    await eventually(() =>
      customer.page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((entry) => new URL(entry.name).pathname.endsWith('/widget')),
      ),
    ).toBe(true)
    await widget.launcher.click()
    await eventually(() => widgetTabs(customer.page)).toEqual(['Requests', 'Roadmap'])
  }, 60_000)

  it('has no serious or critical axe violations on the page or the widget it sets, at 1280 and 375 px', async () => {
    const { project } = await createProject(world, 'Reef')
    await fileRequest(world, project.id, 'Dark mode')
    await setWidget(project.id, {
      accent: '#ffcc00',
      position: 'bottom-left',
      launcherText: 'Ideas & bugs',
      changelogTab: 'hidden',
    })
    const found: Record<string, string[]> = {}
    for (const [size, viewport] of [
      ['1280', DESKTOP],
      ['375', PHONE],
    ] as const) {
      // axe is injected as a script: these contexts let it past the strict CSPs.
      const page = await openWidgetSettings(project.id, viewport, { bypassCSP: true })
      found[`settings-${size}`] = await seriousViolations(page)
      // Nothing of the page reaches past the screen's edge, on a phone either.
      expect(
        await page.evaluate(() =>
          [...document.querySelectorAll('.widget-settings *')]
            .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map((element) => element.outerHTML.slice(0, 80)),
        ),
      ).toEqual([])
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `widget-settings-${size}.png`),
        fullPage: true,
      })

      const customer = await world.openPage({ viewport, bypassCSP: true })
      await customer.page.goto(serveHostPage(world, { projectId: project.id }))
      const launcher = customer.page
        .locator('reqio-widget')
        .getByRole('button', { name: 'Ideas & bugs' })
      await launcher.waitFor({ timeout: 15_000 })
      found[`widget-launcher-${size}`] = await seriousViolations(customer.page)
      await customer.page.screenshot({
        path: join(SCREENSHOT_DIR, `widget-settings-launcher-${size}.png`),
      })
      await launcher.click()
      await widgetOf(customer.page).dialog.getByText('Dark mode').waitFor()
      found[`widget-panel-${size}`] = await seriousViolations(customer.page)
      await customer.page.screenshot({
        path: join(SCREENSHOT_DIR, `widget-settings-panel-${size}.png`),
      })
    }
    const total = Object.values(found).flat()
    console.log(
      `axe: ${Object.keys(found).length} views scanned, ${total.length} serious or critical violations`,
    )
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])))
  }, 120_000)

  it('is filled in and saved by keyboard alone', async () => {
    const { project } = await createProject(world, 'Keyboard Cove')
    const page = await openWidgetSettings(project.id)

    await tabTo(page, page.getByLabel('Accent colour', { exact: true }))
    await page.keyboard.type('#0b6e4f')
    // Position: the radios move with the arrow keys.
    await tabTo(page, page.getByRole('radio', { name: 'Bottom right' }))
    await page.keyboard.press('ArrowDown')
    expect(await page.getByRole('radio', { name: 'Bottom left' }).isChecked()).toBe(true)
    await page.keyboard.press('Tab')
    expect(await isFocused(page.getByLabel('Launcher text'))).toBe(true)
    await page.keyboard.type('Suggest an idea')
    const roadmapNever = page
      .getByRole('group', { name: 'Roadmap tab' })
      .getByRole('radio', { name: 'Always' })
    await tabTo(page, roadmapNever)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    expect(
      await page
        .getByRole('group', { name: 'Roadmap tab' })
        .getByRole('radio', { name: 'Never' })
        .isChecked(),
    ).toBe(true)

    const save = page.getByRole('button', { name: 'Save widget settings' })
    await tabTo(page, save)
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    expect(await storedWidget(project.id)).toEqual({
      accent: '#0b6e4f',
      position: 'bottom-left',
      launcherText: 'Suggest an idea',
      roadmapTab: 'hidden',
      changelogTab: 'shown',
    })
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'widget-settings-keyboard.png') })
  }, 60_000)
})
