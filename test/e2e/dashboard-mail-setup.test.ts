// Issue 26 "Email set-up" in Chromium on the built dashboard, with a real SMTP server on
// 127.0.0.1: the page shows the sender and server, and "Send a test email" reaches the
// signed-in member or a typed address through the server's own mailer.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink'
import type { TestServerOptions } from '../helpers/start-server'
import { createProject } from './support/backend'
import { isFocused, tabTo } from './support/keyboard'
import {
  createOwnerThroughApi,
  OWNER,
  openNotificationsPage,
  pastTheRightEdge,
  seriousViolations,
} from './support/notifications-page'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const FROM = 'Tally feedback <feedback@tally.test>'

describe('email set-up on the Webhooks & mail page, SMTP on', () => {
  let smtp: SmtpSink
  // Filled before useWorld's own beforeAll starts the server (hooks run in the order given).
  const serverOptions: TestServerOptions = { demo: false }
  beforeAll(async () => {
    smtp = await startSmtpSink()
    serverOptions.notify = { smtpUrl: smtp.url, mailFrom: FROM }
  })
  const world = useWorld(serverOptions)
  beforeAll(() => createOwnerThroughApi(world))
  afterAll(() => smtp.close())

  const testEmails = () =>
    smtp.messages.filter((mail) => mail.parsed.subject === 'Reqio test email')

  it('shows the sender and server, and sends a test email to the signed-in member', async () => {
    const { project } = await createProject(world, 'Tally Books')
    const page = await openNotificationsPage(world, project.id)
    const email = page.getByRole('region', { name: 'Email', exact: true })
    await email.getByText('Email is on').waitFor()
    expect(await email.innerText()).toContain(FROM)
    expect(await email.innerText()).toContain(`127.0.0.1:${new URL(smtp.url).port}`)

    await page.getByRole('button', { name: 'Send a test email' }).click()
    await page.getByText(`Sent to ${OWNER.email}`).waitFor()
    expect(testEmails().map((mail) => mail.recipients)).toEqual([[OWNER.email]])
    expect(testEmails()[0]?.parsed.from?.text).toBe('"Tally feedback" <feedback@tally.test>')
  })

  it('sends to a typed address by keyboard alone, and says why when the server refuses', async () => {
    const { project } = await createProject(world, 'Typed')
    const page = await openNotificationsPage(world, project.id)
    smtp.messages.length = 0
    await tabTo(page, page.getByLabel(`To me (${OWNER.email})`))
    await page.keyboard.press('ArrowDown')
    expect(await isFocused(page.getByLabel('To another address'))).toBe(true)
    await page.keyboard.press('Tab')
    expect(await isFocused(page.getByRole('textbox', { name: 'Address' }))).toBe(true)
    await page.keyboard.type('ops@tally.test')
    await page.keyboard.press('Enter')
    await page.getByText('Sent to ops@tally.test').waitFor()
    expect(testEmails().map((mail) => mail.recipients)).toEqual([['ops@tally.test']])

    smtp.down = true
    try {
      await page.getByRole('button', { name: 'Send a test email' }).click()
      await eventually(() => page.getByRole('alert').innerText()).toContain(
        'did not accept the email: 421',
      )
    } finally {
      smtp.down = false
    }
  })

  it('has no serious axe violations and fits a 375 px phone, screenshots at 1280 and 375', async () => {
    const { project } = await createProject(world, 'Tally Books')
    const found: Record<string, string[]> = {}
    for (const width of [1280, 375]) {
      const page = await openNotificationsPage(world, project.id, { width, height: 900 })
      await page.getByRole('button', { name: 'Send a test email' }).click()
      await page.getByText(`Sent to ${OWNER.email}`).waitFor()
      await page.waitForLoadState('networkidle')
      found[`mail-${width}`] = await seriousViolations(page)
      await page.getByRole('region', { name: 'Email', exact: true }).scrollIntoViewIfNeeded()
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-mail-setup-smtp-${width}.png`),
        fullPage: true,
      })
      expect(await pastTheRightEdge(page, 'section.notifications')).toEqual([])
    }
    expect(found).toEqual({ 'mail-1280': [], 'mail-375': [] })
  })
})
