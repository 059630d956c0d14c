// Team email's "Email me about" section on the Account page (spec/api.md v3 "The team's tools")
// in Chromium on the built dashboard: an owner sees the role's defaults, saves a change that the
// server keeps, is told plainly when a save fails, and the section passes axe at 1280 and 375 px.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { TeamEmailSettings } from '../../src/shared/team-email'
import { signedInPage } from './support/dashboard'
import {
  createOwnerThroughApi,
  OWNER,
  pastTheRightEdge,
  seriousViolations,
} from './support/notifications-page'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

describe('the Account page’s "Email me about" section', () => {
  const world = useWorld({ demo: false })
  beforeAll(() => createOwnerThroughApi(world))

  async function openAccountPage(
    viewport = { width: 1280, height: 900 },
    allowNetworkFailureLogs = false,
  ): Promise<Page> {
    const page = await signedInPage(world, OWNER, {
      viewport,
      bypassCSP: true,
      allowNetworkFailureLogs,
    })
    await page.goto(`${world.server.url}/dashboard/#/account`)
    await page.getByRole('heading', { name: 'Email me about' }).waitFor()
    await page.getByRole('checkbox', { name: /^New requests/ }).waitFor()
    return page
  }
  const section = (page: Page) => page.getByRole('region', { name: 'Email me about' })
  const choices = async (page: Page): Promise<TeamEmailSettings> =>
    page.evaluate(async () => (await fetch('/v1/auth/notifications')).json())

  it('shows the owner’s defaults, saves a change the server keeps, and says when a save fails', async () => {
    // The failed save below makes Chromium log the refused request.
    const page = await openAccountPage(undefined, true)
    const requests = section(page).getByRole('checkbox', { name: /^New requests/ })
    const comments = section(page).getByRole('checkbox', { name: /^Customers’ comments/ })
    const save = section(page).getByRole('button', { name: 'Save email choices' })
    expect(await requests.isChecked()).toBe(true)
    expect(await comments.isChecked()).toBe(true)
    expect(await save.isDisabled()).toBe(true) // nothing to save yet

    await comments.uncheck()
    expect(await section(page).getByRole('status').innerText()).toBe('Unsaved changes.')
    await save.click()
    await eventually(() => section(page).getByRole('status').innerText()).toBe('Saved.')
    expect(await choices(page)).toEqual({ newRequest: true, newComment: false })
    await page.reload()
    await page.getByRole('checkbox', { name: /^New requests/ }).waitFor()
    expect(await comments.isChecked()).toBe(false)

    // The server cannot be reached: the page says the choice was not saved, and keeps it ticked.
    await page.route('**/v1/auth/notifications', (route) =>
      route.request().method() === 'PUT' ? route.abort() : route.continue(),
    )
    await requests.uncheck()
    await save.click()
    await eventually(() => section(page).getByRole('alert').innerText()).toContain('Not saved:')
    expect(await section(page).getByRole('status').innerText()).toBe('Unsaved changes.')
    expect(await requests.isChecked()).toBe(false)
    expect(await choices(page)).toEqual({ newRequest: true, newComment: false })
  })

  it('has no serious axe violations and fits a 375 px phone, screenshots at 1280 and 375', async () => {
    const found: Record<string, string[]> = {}
    for (const width of [1280, 375]) {
      const page = await openAccountPage({ width, height: 900 })
      await section(page)
        .getByRole('checkbox', { name: /^New requests/ })
        .click()
      await section(page).getByRole('button', { name: 'Save email choices' }).click()
      await eventually(() => section(page).getByRole('status').innerText()).toBe('Saved.')
      found[`account-${width}`] = await seriousViolations(page)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-team-email-${width}.png`),
        fullPage: true,
      })
      expect(await pastTheRightEdge(page, 'section.team-email')).toEqual([])
    }
    expect(found).toEqual({ 'account-1280': [], 'account-375': [] })
  })
})
