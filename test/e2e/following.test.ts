// Issue 29's Following in Chromium, on the built widget.js and the server-rendered pages: an
// identified person unfollows and follows a request in the widget and on the portal (JavaScript
// off); the email preferences page
// (the link in an email's footer) works with JavaScript off and saves their choice. axe finds no
// serious or critical violation at 1280 and 375 px; screenshots go to test/e2e/screenshots/.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seriousViolations, seriousWidgetViolations } from './support/axe'
import { createProject, fileRequest, tokenFor } from './support/backend'
import { eventually, SCREENSHOT_DIR, serveHostPage, useWorld } from './support/world'

// Demo mode without SMTP keeps every email for the dashboard's Sent mail: the footer is read there.
const world = useWorld({ demo: true, notify: { mailCoalesceSeconds: 0 } })

const WIDTHS = [
  [1280, 800],
  [375, 740],
] as const

/** Whether `token`'s person follows the request, as the public API says. */
async function follows(projectId: string, requestId: string, token: string): Promise<boolean> {
  const res = await fetch(`${world.server.url}/v1/projects/${projectId}/requests/${requestId}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  return ((await res.json()) as { request: { following: boolean } }).request.following
}

describe('following a request', () => {
  it.each(WIDTHS)(
    'in the widget at %i px: the author sees Following, unfollows, follows again, and axe finds nothing serious',
    async (width, height) => {
      const created = await createProject(world)
      const projectId = created.project.id
      const token = await tokenFor(created, { sub: 'ann', email: 'ann@example.com' })
      const request = await fileRequest(world, projectId, 'Dark mode', token)
      const { page } = await world.openPage({ viewport: { width, height }, isMobile: width < 500 })
      await page.goto(serveHostPage(world, { projectId, token }))
      const root = page.locator('reqio-widget')
      await root.getByRole('button', { name: /^Feedback/ }).click()
      const dialog = root.getByRole('dialog')
      await dialog.getByRole('button', { name: 'Dark mode', exact: true }).click()

      const following = dialog.getByRole('button', { name: 'Following', exact: true })
      await following.waitFor()
      expect(await following.getAttribute('aria-pressed')).toBe('true')
      expect(await seriousWidgetViolations(page)).toEqual([])
      await page.screenshot({ path: join(SCREENSHOT_DIR, `widget-following-${width}.png`) })

      await following.click()
      const follow = dialog.getByRole('button', { name: 'Follow', exact: true })
      await follow.waitFor()
      await eventually(() => follows(projectId, request.id, token)).toBe(false)
      expect(await seriousWidgetViolations(page)).toEqual([])

      await follow.click()
      await following.waitFor()
      await eventually(() => follows(projectId, request.id, token)).toBe(true)
    },
  )

  it.each(WIDTHS)(
    'on the email preferences page at %i px, with JavaScript off: the footer’s link opens it, a kind is turned off and saved',
    async (width, height) => {
      const created = await createProject(world)
      const projectId = created.project.id
      const token = await tokenFor(created, { sub: 'bea', email: 'bea@example.com' })
      const request = await fileRequest(world, projectId, 'CSV export', token)
      const patched = await world.server.adminFetch(
        `/v1/admin/projects/${projectId}/requests/${request.id}`,
        { method: 'PATCH', body: JSON.stringify({ status: 'planned' }) },
      )
      expect(patched.status).toBe(200)
      await world.server.drainJobs()
      await world.server.drainJobs()
      const [mail] = await world.server.store.db.query<{ text_body: string }>(
        'SELECT text_body FROM kept_mail WHERE project_id = $1 ORDER BY id DESC LIMIT 1',
        [projectId],
      )
      const path = /\/p\/[^/\s]+\/email-preferences\?token=[\w.-]+/.exec(mail?.text_body ?? '')?.[0]
      expect(path, 'the preferences link in the email footer').toBeTruthy()

      // axe is injected as a script: bypassCSP lets it past the page's strict CSP.
      const { page } = await world.openPage({
        viewport: { width, height },
        isMobile: width < 500,
        javaScriptEnabled: false,
        bypassCSP: true,
      })
      await page.goto(`${world.server.url}${path}`)
      await page.getByRole('heading', { name: 'Email preferences' }).waitFor()
      const status = page.getByRole('checkbox', { name: 'a request changes status' })
      expect(await status.isChecked()).toBe(true)
      expect(await page.getByRole('checkbox', { name: 'the team replies' }).isChecked()).toBe(true)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `email-preferences-${width}.png`),
        fullPage: true,
      })

      await status.uncheck()
      await page.getByRole('button', { name: 'Save my choices' }).click()
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
      expect(await status.isChecked()).toBe(false)
      expect(await page.getByRole('checkbox', { name: 'the team replies' }).isChecked()).toBe(true)

      // The next status change reaches neither Bea's email nor her widget's Updates.
      await world.server.adminFetch(`/v1/admin/projects/${projectId}/requests/${request.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ status: 'in_progress' }),
      })
      await world.server.drainJobs()
      await world.server.drainJobs()
      const updates = await fetch(`${world.server.url}/v1/projects/${projectId}/updates`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      const { updates: list } = (await updates.json()) as { updates: { status: string }[] }
      expect(list.map((update) => update.status)).toEqual(['planned'])

      // axe runs a script: a page of its own with JavaScript on, the same URL.
      const { page: scanned } = await world.openPage({
        viewport: { width, height },
        isMobile: width < 500,
        bypassCSP: true,
      })
      for (const colorScheme of ['light', 'dark'] as const) {
        await scanned.emulateMedia({ colorScheme })
        await scanned.goto(`${world.server.url}${path}`)
        expect(await seriousViolations(scanned), colorScheme).toEqual([])
      }
    },
  )

  it.each(WIDTHS)(
    'on the portal at %i px, JavaScript off: a signed-in voter unfollows and follows again with the form',
    async (width, height) => {
      const created = await createProject(world)
      const projectId = created.project.id
      const token = await tokenFor(created, { sub: 'cy', email: 'cy@example.com' })
      const request = await fileRequest(world, projectId, 'Webhooks for every event', token)
      const { page } = await world.openPage({
        viewport: { width, height },
        isMobile: width < 500,
        javaScriptEnabled: false,
        bypassCSP: true,
      })
      const requestPage = `${world.server.url}/p/${projectId}/requests/${request.id}`
      await page.goto(
        `${world.server.url}/p/${projectId}/sso?${new URLSearchParams({ token, return_to: requestPage })}`,
      )
      const following = page.getByRole('button', { name: 'Following', exact: true })
      await following.waitFor()
      expect(await following.getAttribute('aria-pressed')).toBe('true')
      await page.screenshot({ path: join(SCREENSHOT_DIR, `portal-following-${width}.png`) })

      await following.click()
      await page.getByRole('button', { name: 'Follow', exact: true }).waitFor()
      expect(page.url()).toBe(requestPage)
      expect(await follows(projectId, request.id, token)).toBe(false)
      await page.getByRole('button', { name: 'Follow', exact: true }).click()
      await following.waitFor()
      expect(await follows(projectId, request.id, token)).toBe(true)
    },
  )

  it('has no serious axe violation on a signed-in request page with the follow form, light and dark', async () => {
    const created = await createProject(world)
    const projectId = created.project.id
    const token = await tokenFor(created, { sub: 'di' })
    const request = await fileRequest(world, projectId, 'Single sign-on', token)
    const { page } = await world.openPage({
      viewport: { width: 375, height: 740 },
      bypassCSP: true,
    })
    const requestPage = `${world.server.url}/p/${projectId}/requests/${request.id}`
    await page.goto(
      `${world.server.url}/p/${projectId}/sso?${new URLSearchParams({ token, return_to: requestPage })}`,
    )
    await page.getByRole('button', { name: 'Following', exact: true }).waitFor()
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      expect(await seriousViolations(page), colorScheme).toEqual([])
    }
  })
})
