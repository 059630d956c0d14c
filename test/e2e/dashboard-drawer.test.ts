// Issue 26 in Chromium, on the built dashboard: the request drawer as an overlay dialog (focus
// kept inside, Escape closes, the table keeps every column), bug 3 (status and public note are
// one save that says who will hear, and the email carries the note), merged requests listed on
// the target with Unmerge after a reload; axe and screenshots at 1280 and 375 px.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { KeptMailInfo } from '../../src/shared/notifications'
import { seriousViolations } from './support/axe'
import { backlog, createProject, fileRequest, tokenFor, voteThroughApi } from './support/backend'
import { createOwnerThroughApi, signedInPage } from './support/dashboard'
import { isFocused, tabTo } from './support/keyboard'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const OWNER = { email: 'kim@example.com', name: 'Kim', password: 'correct horse battery' }

describe('the request drawer', () => {
  // Demo mode without SMTP keeps the emails (Sent mail), sent as soon as the queue runs.
  const world = useWorld({ notify: { mailCoalesceSeconds: 0 } })

  // The owner account is not what this file tests: it is made through the API.
  beforeAll(() => createOwnerThroughApi(world, OWNER))

  /** A signed-in dashboard page; `bypassCSP` lets axe's script past the dashboard's CSP. */
  const signedIn = (width = 1280, height = 900): Promise<Page> =>
    signedInPage(world, OWNER, { viewport: { width, height }, bypassCSP: true })

  /**
   * The open drawer by its name alone (not its role), so the save and merge tests below assert
   * on saving and merging, whatever the drawer's markup; the overlay tests check the dialog role.
   */
  function drawerOf(page: Page, title: string) {
    return page.locator(`[aria-label="Request: ${title}"]`)
  }

  function openRequest(page: Page, projectId: string, requestId: string) {
    return page.goto(`${world.server.url}/dashboard/p/${projectId}/requests/${requestId}`)
  }

  async function keptMail(projectId: string): Promise<KeptMailInfo[]> {
    const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}/mail`)
    return ((await res.json()) as { messages: KeptMailInfo[] }).messages
  }

  /** A request with two identified followers who have email: its author and a voter. */
  async function followedRequest(name: string, title: string) {
    const created = await createProject(world, name)
    const ann = await tokenFor(created, { sub: 'ann', email: 'ann@example.com' })
    const bob = await tokenFor(created, { sub: 'bob', email: 'bob@example.com' })
    const request = await fileRequest(world, created.project.id, title, ann)
    await voteThroughApi(world, created.project.id, request.id, bob)
    return { projectId: created.project.id, requestId: request.id }
  }

  it('saves the status and its public note as one action that says who will hear, and the email carries the note', async () => {
    const { projectId, requestId } = await followedRequest('Bug Three', 'Dark mode')
    const page = await signedIn()
    await openRequest(page, projectId, requestId)
    const drawer = drawerOf(page, 'Dark mode')

    await drawer.getByRole('combobox', { name: /^Status/ }).selectOption('planned')
    // Choosing a status saves nothing and tells nobody yet.
    await page.waitForLoadState('networkidle')
    await world.server.drainJobs()
    expect((await backlog(world, projectId)).map((request) => request.status)).toEqual(['open'])
    expect(await keptMail(projectId)).toEqual([])

    await drawer.getByLabel('Status note (public)').fill('Planned for the May release.')
    await drawer.getByText('2 people will hear about this: 2 by email').waitFor()
    await drawer.getByRole('button', { name: 'Save and tell people' }).click()
    await drawer.getByText('Status and note saved.').waitFor()

    await world.server.drainJobs()
    const mail = await keptMail(projectId)
    expect(mail.map((message) => message.to).sort()).toEqual(['ann@example.com', 'bob@example.com'])
    for (const message of mail) expect(message.text).toContain('Planned for the May release.')
    expect(await backlog(world, projectId)).toMatchObject([
      { status: 'planned', statusNote: 'Planned for the May release.' },
    ])
  })

  it('lists what was merged into a request after a reload, and Unmerge puts it back', async () => {
    const created = await createProject(world, 'Merges')
    const projectId = created.project.id
    await fileRequest(world, projectId, 'Export to CSV')
    const duplicate = await fileRequest(world, projectId, 'CSV export')
    const page = await signedIn()
    await openRequest(page, projectId, duplicate.id)
    const source = drawerOf(page, 'CSV export')
    await source.getByLabel('Find the request to keep').fill('Export to')
    await source.getByRole('button', { name: 'Export to CSV' }).click()
    await source.getByRole('button', { name: 'Merge into “Export to CSV”' }).click()

    const target = drawerOf(page, 'Export to CSV')
    await target.waitFor()
    await page.reload()
    const merged = target.getByRole('region', { name: 'Merged into this request' })
    await merged.getByText('“CSV export”').waitFor()
    await merged.getByRole('button', { name: 'Unmerge “CSV export”' }).click()
    await target.getByText('Unmerged: “CSV export” stands on its own again.').waitFor()
    // The message shows as soon as the server answers; the list follows on its reload.
    await merged.waitFor({ state: 'detached' })
    expect(await merged.count()).toBe(0)
    await eventually(async () =>
      (await backlog(world, projectId)).map((r) => r.title).sort(),
    ).toEqual(['CSV export', 'Export to CSV'])
    await page
      .getByRole('table', { name: 'Backlog' })
      .getByRole('button', { name: 'CSV export' })
      .waitFor()
  })

  it('by keyboard: opens with Enter, keeps Tab inside, saves status and note together, Escape returns to the row', async () => {
    const { projectId } = await followedRequest('Keyboard Drawer', 'Export to PDF')
    const page = await signedIn()
    await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/backlog`)
    const row = page.getByRole('table', { name: 'Backlog' }).getByRole('button', {
      name: 'Export to PDF',
    })
    await tabTo(page, row)
    await page.keyboard.press('Enter')
    const drawer = page.getByRole('dialog', { name: 'Request: Export to PDF' })
    const heading = drawer.getByRole('heading', { level: 2 })
    await eventually(() => isFocused(heading)).toBe(true)

    // Tab never leaves the open drawer: it wraps from the last control to the first.
    const insideDrawer = () =>
      page.evaluate(() =>
        Boolean(document.querySelector('[role="dialog"]')?.contains(document.activeElement)),
      )
    const stops = await drawer.evaluate(
      (root) =>
        root.querySelectorAll('button:not([disabled]), input, select, textarea, [tabindex="0"]')
          .length,
    )
    for (let press = 0; press < stops + 3; press++) {
      await page.keyboard.press('Tab')
      expect(await insideDrawer()).toBe(true)
    }
    for (let press = 0; press < stops + 3; press++) {
      await page.keyboard.press('Shift+Tab')
      expect(await insideDrawer()).toBe(true)
    }

    await tabTo(page, drawer.getByRole('combobox', { name: /^Status/ }))
    await page.keyboard.press('ArrowDown')
    await tabTo(page, drawer.getByLabel('Status note (public)'))
    await page.keyboard.type('Coming in June.')
    await page.keyboard.press('Tab')
    expect(await isFocused(drawer.getByRole('button', { name: 'Save and tell people' }))).toBe(true)
    await page.keyboard.press('Enter')
    await drawer.getByText('Status and note saved.').waitFor()

    await page.keyboard.press('Escape')
    await eventually(() => isFocused(row)).toBe(true)
    expect(await drawer.count()).toBe(0)
    expect(new URL(page.url()).hash).toBe(`#/projects/${projectId}/backlog`)
    expect(await backlog(world, projectId)).toMatchObject([
      { status: 'planned', statusNote: 'Coming in June.' },
    ])
  })

  for (const [width, height] of [
    [1280, 900],
    [375, 812],
  ] as const) {
    it(`lies over the backlog at ${width} px without squeezing it or scrolling sideways, with no serious axe violation`, async () => {
      const { projectId, requestId } = await followedRequest(`Overlay ${width}`, 'Single sign-on')
      const duplicate = await fileRequest(world, projectId, 'SSO login')
      await fileRequest(world, projectId, 'Okta login')
      await world.server.adminFetch(`/v1/admin/projects/${projectId}/requests/${duplicate.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ mergeInto: requestId }),
      })
      await world.server.adminFetch(
        `/v1/admin/projects/${projectId}/requests/${requestId}/comments`,
        {
          method: 'POST',
          body: JSON.stringify({ body: 'Scoping this next sprint.', internal: false }),
        },
      )
      const page = await signedIn(width, height)
      await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/backlog`)
      const table = page.getByRole('table', { name: 'Backlog' })
      await table.getByRole('button', { name: 'Single sign-on' }).waitFor()
      const tableWidth = await table.evaluate((element) => element.getBoundingClientRect().width)

      await table.getByRole('button', { name: 'Single sign-on' }).click()
      const drawer = page.getByRole('dialog', { name: 'Request: Single sign-on' })
      await drawer.getByText('Scoping this next sprint.').waitFor()
      await drawer.getByRole('region', { name: 'Merged into this request' }).waitFor()
      await page.waitForLoadState('networkidle')

      // An overlay: the table keeps its width (and its "Submitted by" column) behind it.
      expect(await table.evaluate((element) => element.getBoundingClientRect().width)).toBe(
        tableWidth,
      )
      const box = await drawer.boundingBox()
      expect(box?.x).toBeGreaterThanOrEqual(0)
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width)
      expect(await drawer.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(
        true,
      )
      // The reply box is in the first screenful's reach, above status, voters and merge.
      const reply = await drawer.getByLabel('Reply or note').boundingBox()
      const status = await drawer.getByRole('combobox', { name: /^Status/ }).boundingBox()
      expect(reply && status && reply.y < status.y).toBe(true)

      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({ path: join(SCREENSHOT_DIR, `dashboard-drawer-${width}.png`) })
      await drawer.getByRole('combobox', { name: /^Status/ }).selectOption('done')
      await drawer.getByLabel('Status note (public)').fill('Shipped in 2.4.')
      await drawer.getByText('will hear about this').waitFor()
      await drawer.getByRole('button', { name: 'Save and tell people' }).scrollIntoViewIfNeeded()
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({ path: join(SCREENSHOT_DIR, `dashboard-drawer-status-${width}.png`) })
      // Further down: voters by account, what was merged in, and merging this one away.
      await drawer.getByLabel('Find the request to keep').scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(SCREENSHOT_DIR, `dashboard-drawer-merge-${width}.png`) })
    })
  }
})
