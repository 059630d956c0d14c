// Issue 26 in Chromium on the built dashboard: "Forgot password?" end to end (the emailed link
// from a real SMTP server, the reset page, the new password), the Members page's own row, and
// the audit log as sentences. Each view: axe at 0 serious/critical, screenshots at 1280 and 375.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink'
import type { TestServerOptions } from '../helpers/start-server'
import { joinTeam, logIn, type SignedInMember, setUpOwner, TEST_PASSWORD } from '../helpers/team'
import { seriousViolations } from './support/axe'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const NEW_PASSWORD = 'sams brand new passphrase'

/**
 * Scans the view at 1280 px and at 375 px, with a screenshot of each (`auth-{name}-{width}.png`);
 * at both widths nothing in `region` (this area's part of the page) reaches past the viewport.
 */
async function scanAtBothWidths(page: Page, name: string, region = 'main'): Promise<void> {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
    await page.waitForLoadState('networkidle')
    expect(await seriousViolations(page), `${name} at ${width} px`).toEqual([])
    const overflowing = await page.evaluate(
      (selector) =>
        [...document.querySelectorAll(`${selector}, ${selector} *`)]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
      region,
    )
    expect(overflowing, `${name} at ${width} px: wider than the screen`).toEqual([])
    await page.screenshot({
      path: join(SCREENSHOT_DIR, `auth-${name}-${width}.png`),
      fullPage: true,
    })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

describe('signing in, resetting a password and reading the audit log in Chromium', () => {
  let smtp: SmtpSink
  const serverOptions: TestServerOptions = { demo: false }
  beforeAll(async () => {
    smtp = await startSmtpSink()
    serverOptions.notify = { smtpUrl: smtp.url }
  })
  afterAll(() => smtp?.close())
  const world = useWorld(serverOptions)

  let owner: SignedInMember
  let sam: SignedInMember
  beforeAll(async () => {
    owner = await setUpOwner(world.server, { email: 'ana@example.com', name: 'Ana' })
    sam = await joinTeam(world.server, owner, 'member', 'sam@example.com')
  })

  async function openSignedIn(email: string, password: string) {
    const watched = await world.openPage({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    })
    const { page } = watched
    page.on('dialog', (dialog) => {
      watched.problems.push(`a browser dialog opened: ${dialog.message()}`)
      void dialog.dismiss()
    })
    await page.goto(`${world.server.url}/dashboard/`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    return page
  }

  it('emails a member who forgot the password a link, which sets a new one once and signs them in', async () => {
    // The old session's 401 below and the spent link's 404 are expected network failures.
    const { page } = await world.openPage({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      allowNetworkFailureLogs: true,
    })
    await page.goto(`${world.server.url}/dashboard/`)
    await page.getByLabel('Email').fill('sam@example.com')
    await page.getByRole('button', { name: 'Forgot password?' }).click()
    const heading = page.getByRole('heading', { name: 'Reset your password' })
    await heading.waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('forgot-heading')
    expect(await page.getByLabel('Email of your account').inputValue()).toBe('sam@example.com')
    await scanAtBothWidths(page, 'forgot-password')

    await page.getByRole('button', { name: 'Email me a reset link' }).click()
    await eventually(() => page.getByRole('status').innerText()).toContain(
      'If sam@example.com has an account here, a link to choose a new password is on its way.',
    )
    await scanAtBothWidths(page, 'forgot-password-sent')

    const resetMail = () =>
      smtp.messages.find((mail) => mail.parsed.subject === 'Reset your Reqio password')
    await eventually(() => resetMail()?.recipients).toEqual(['sam@example.com'])
    const emailed = /\S+\/dashboard\/reset\?code=\S+/.exec(resetMail()?.parsed.text ?? '')?.[0]
    expect(emailed).toBeDefined()
    // The test server's emails name http://reqio.test; the same path and code on this server.
    const { pathname, search } = new URL(emailed as string)
    const link = `${world.server.url}${pathname}${search}`

    await page.goto(link)
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await page.getByText('sam@example.com').waitFor()
    await scanAtBothWidths(page, 'reset-password')
    await page.getByLabel('New password').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Set the new password' }).click()
    await page.getByRole('button', { name: 'A member (member)' }).waitFor()
    expect(new URL(page.url()).search, 'the spent code leaves the address bar').toBe('')

    expect((await sam.fetch('/v1/auth/me')).status, 'the session made with the old password').toBe(
      401,
    )
    expect((await logIn(world.server, 'sam@example.com', TEST_PASSWORD)).status).toBe(401)
    expect((await logIn(world.server, 'sam@example.com', NEW_PASSWORD)).status).toBe(200)

    const again = await world.openPage({ allowNetworkFailureLogs: true, bypassCSP: true })
    await again.page.goto(link)
    await eventually(() => again.page.getByRole('alert').innerText()).toContain(
      'This link was used already',
    )
    await scanAtBothWidths(again.page, 'reset-link-spent')
  })

  it("shows the owner's own row without controls that can only fail, and confirms a removal in the page", async () => {
    const page = await openSignedIn('ana@example.com', TEST_PASSWORD)
    await page.goto(`${world.server.url}/dashboard/#/members`)
    const table = page.getByRole('table', { name: 'Members' })
    await eventually(() => table.innerText()).toContain('sam@example.com')

    const ownRow = table.getByRole('row').filter({ hasText: 'ana@example.com' })
    expect(await ownRow.getByRole('combobox').count(), 'no role select on your own row').toBe(0)
    expect(
      await ownRow.getByRole('button').count(),
      'no Remove or Reset link on your own row',
    ).toBe(0)
    await ownRow.getByText('This is you.').waitFor()
    await ownRow.getByRole('link', { name: 'Change your password' }).waitFor()

    const samRow = table.getByRole('row').filter({ hasText: 'sam@example.com' })
    await samRow.getByRole('combobox', { name: 'Role of sam@example.com' }).waitFor()
    const remove = samRow.getByRole('button', { name: 'Remove sam@example.com' })
    await remove.click()
    const confirm = page.getByRole('group', { name: 'Remove sam@example.com from the team?' })
    await confirm.waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep')
    await scanAtBothWidths(page, 'members-confirm-removal')
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'detached' })
    await eventually(() =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
    ).toBe('Remove sam@example.com')
    expect(
      await world.server.store.members.findByEmail('sam@example.com'),
      'Keep removed nobody',
    ).not.toBeNull()
    await scanAtBothWidths(page, 'members')
  })

  it('reads the audit log as sentences with names, old → new values and the request linked to its drawer', async () => {
    const created = await owner.fetch('/v1/admin/projects', {
      method: 'POST',
      body: JSON.stringify({ name: 'Acme' }),
    })
    const { project } = (await created.json()) as CreatedProjectResponse
    const filed = await fetch(`${world.server.url}/v1/projects/${project.id}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': randomUUID() },
      body: JSON.stringify({ title: 'Dark mode' }),
    })
    const request = ((await filed.json()) as { request: { id: string } }).request
    for (const status of ['planned', 'done']) {
      const res = await owner.fetch(`/v1/admin/projects/${project.id}/requests/${request.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ status }),
      })
      expect(res.status).toBe(200)
    }

    const page = await openSignedIn('ana@example.com', TEST_PASSWORD)
    await page.goto(`${world.server.url}/dashboard/#/projects/${project.id}/audit`)
    const log = page.locator('.audit-list')
    await eventually(() => log.locator('li').first().innerText()).toContain(
      'Ana changed Dark mode from Planned to Done',
    )
    await eventually(() => log.innerText()).toContain('Ana changed Dark mode from Open to Planned')
    expect(await log.innerText()).not.toContain('request.status')
    await scanAtBothWidths(page, 'audit-log', '.audit-log')

    await log.locator('li').first().getByRole('link', { name: 'Dark mode' }).click()
    await eventually(() => new URL(page.url()).pathname).toBe(
      `/dashboard/p/${project.id}/requests/${request.id}`,
    )
  })
})
