// Issue 26 bug 9 in Chromium on the built dashboard: each webhook endpoint keeps its own
// once-shown secret, named after it, with a copy button; Delete and Rotate ask first (in the
// page); events are chosen per endpoint; the delivery log shows dates as people read them.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebhookDeliveryInfo, WebhookEndpointInfo } from '../../src/shared/notifications'
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver'
import { createProject } from './support/backend'
import { isFocused, tabTo } from './support/keyboard'
import {
  createOwnerThroughApi,
  openNotificationsPage,
  pastTheRightEdge,
  seriousViolations,
} from './support/notifications-page'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

describe('webhook endpoints on the Webhooks & mail page', () => {
  const world = useWorld()
  let receiver: WebhookReceiver

  beforeAll(async () => {
    receiver = await startWebhookReceiver()
    await createOwnerThroughApi(world)
  })
  afterAll(() => receiver.close())

  const endpoints = async (projectId: string) => {
    const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}/webhooks`)
    return ((await res.json()) as { webhooks: WebhookEndpointInfo[] }).webhooks
  }
  const secretOf = (page: Page, url: string) =>
    page.getByRole('region', { name: `Signing secret of ${url}` }).locator('.secret-line code')

  async function addEndpoint(page: Page, url: string, events?: string[]) {
    await page.getByLabel('Endpoint URL').fill(url)
    if (events) {
      await page.getByLabel('Only the events I choose').check()
      for (const label of events) await page.getByLabel(label).check()
    }
    await page.getByRole('button', { name: 'Add endpoint' }).click()
    await secretOf(page, url).waitFor()
  }

  it('keeps each new endpoint’s secret on screen under its own name, with a copy button', async () => {
    const { project } = await createProject(world, 'Secrets')
    const page = await openNotificationsPage(world, project.id)
    const first = `${receiver.url}/first`
    const second = `${receiver.url}/second`

    await addEndpoint(page, first)
    const firstSecret = await secretOf(page, first).innerText()
    expect(firstSecret).toMatch(/^whsec_/)
    await page.getByRole('button', { name: `Copy signing secret of ${first}` }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstSecret)

    // A second endpoint: the first one's secret is still there, unchanged, beside the new one.
    await addEndpoint(page, second)
    expect(await secretOf(page, first).innerText()).toBe(firstSecret)
    const secondSecret = await secretOf(page, second).innerText()
    expect(secondSecret).toMatch(/^whsec_/)
    expect(secondSecret).not.toBe(firstSecret)
    await page.getByRole('button', { name: `Copy signing secret of ${second}` }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secondSecret)
  })

  it('creates an endpoint for the chosen events only, and says which', async () => {
    const { project } = await createProject(world, 'Events')
    const page = await openNotificationsPage(world, project.id)
    const url = `${receiver.url}/chosen`
    await addEndpoint(page, url, ['A request is submitted', 'A comment or team reply is posted'])
    const [stored] = await endpoints(project.id)
    expect(stored?.events).toEqual(['request.created', 'comment.created'])
    const card = page.getByRole('listitem').filter({ hasText: url })
    await eventually(() => card.getByText('Events:').innerText()).toContain(
      'A request is submitted',
    )
    expect(await card.getByText('Events:').innerText()).toContain(
      'A comment or team reply is posted',
    )

    // Changed later, in place: the endpoint keeps its secret and hears the new choice.
    const secretBefore = await secretOf(page, url).innerText()
    const change = page.getByRole('button', { name: `Change events of ${url}` })
    await change.click()
    const editor = page.getByRole('group', { name: `Events to send to ${url}` })
    await editor.getByLabel('A request is submitted').uncheck()
    await editor.getByLabel('A comment or team reply is posted').uncheck()
    await editor.getByLabel('Someone votes', { exact: false }).first().check()
    await page.getByRole('button', { name: 'Save events' }).click()
    await eventually(async () => (await endpoints(project.id))[0]?.events).toEqual(['vote.created'])
    await eventually(() => card.getByText('Events:').innerText()).toBe('Events: Someone votes')
    expect(await isFocused(change)).toBe(true)
    expect(await secretOf(page, url).innerText()).toBe(secretBefore)
  })

  it('asks before Delete and Rotate, in the page, and does nothing on Cancel', async () => {
    const { project } = await createProject(world, 'Confirm')
    const page = await openNotificationsPage(world, project.id)
    let dialogs = 0
    page.on('dialog', (dialog) => {
      dialogs++
      void dialog.dismiss()
    })
    const url = `${receiver.url}/confirm`
    await addEndpoint(page, url)
    const before = await secretOf(page, url).innerText()

    await page.getByRole('button', { name: `Rotate secret of ${url}` }).click()
    const rotateQuestion = page.getByRole('group', { name: /Rotate the signing secret/ })
    await rotateQuestion.waitFor()
    await rotateQuestion.getByRole('button', { name: 'Cancel' }).click()
    expect(await secretOf(page, url).innerText()).toBe(before)
    await page.getByRole('button', { name: `Rotate secret of ${url}` }).click()
    await page.getByRole('button', { name: 'Rotate secret', exact: true }).click()
    await eventually(() => secretOf(page, url).innerText()).not.toBe(before)

    await page.getByRole('button', { name: `Delete ${url}` }).click()
    const deleteQuestion = page.getByRole('group', { name: /Delete the endpoint/ })
    await deleteQuestion.waitFor()
    expect(await endpoints(project.id)).toHaveLength(1)
    await deleteQuestion.getByRole('button', { name: 'Cancel' }).click()
    expect(await endpoints(project.id)).toHaveLength(1)
    await page.getByRole('button', { name: `Delete ${url}` }).click()
    await page.getByRole('button', { name: 'Delete endpoint', exact: true }).click()
    await eventually(async () => (await endpoints(project.id)).length).toBe(0)
    expect(dialogs).toBe(0)
  })

  it('shows delivery times in the browser’s date format, never raw ISO', async () => {
    const { project } = await createProject(world, 'Log')
    const page = await openNotificationsPage(world, project.id)
    const url = `${receiver.url}/log`
    await addEndpoint(page, url)
    await page.getByRole('button', { name: `Send test event to ${url}` }).click()
    await page.getByText('Test event queued').waitFor()
    await world.server.drainJobs()
    const [endpoint] = await endpoints(project.id)
    const res = await world.server.adminFetch(
      `/v1/admin/projects/${project.id}/webhooks/${endpoint?.id}/deliveries`,
    )
    const [delivery] = ((await res.json()) as { deliveries: WebhookDeliveryInfo[] }).deliveries
    expect(delivery?.status).toBe('delivered')

    // Sending a test opens the log, which looks again while the delivery is on its way.
    expect(
      await page
        .getByRole('button', { name: `Delivery log of ${url}` })
        .getAttribute('aria-expanded'),
    ).toBe('true')
    const log = page.getByRole('table', { name: `Deliveries to ${url}` })
    await eventually(() => log.getByRole('cell', { name: 'delivered' }).count()).toBe(1)
    const shown = await log.innerText()
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
    const expected = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(iso),
        ),
      delivery?.deliveredAt as string,
    )
    expect(shown).toContain(expected)
  })

  it('Delete and Rotate by keyboard: focus enters the question, Escape cancels back to the button', async () => {
    const { project } = await createProject(world, 'Keys')
    const page = await openNotificationsPage(world, project.id)
    const url = `${receiver.url}/keys`
    await addEndpoint(page, url)
    const del = page.getByRole('button', { name: `Delete ${url}` })
    await tabTo(page, del)
    await page.keyboard.press('Enter')
    const cancel = page
      .getByRole('group', { name: /Delete the endpoint/ })
      .getByRole('button', { name: 'Cancel' })
    await eventually(() => isFocused(cancel)).toBe(true)
    await page.keyboard.press('Escape')
    await eventually(() => isFocused(del)).toBe(true)
    await page.keyboard.press('Enter')
    await eventually(() => isFocused(cancel)).toBe(true)
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    await eventually(async () => (await endpoints(project.id)).length).toBe(0)
    // Focus is not lost with the endpoint: it lands on the URL field to add another.
    await eventually(() => isFocused(page.getByLabel('Endpoint URL'))).toBe(true)
  })

  it('has no serious axe violations and fits a 375 px phone, screenshots at 1280 and 375', async () => {
    const { project } = await createProject(world, 'Tally Books')
    const found: Record<string, string[]> = {}
    for (const width of [1280, 375]) {
      const page = await openNotificationsPage(world, project.id, { width, height: 900 })
      const url = `${receiver.url}/w${width}`
      await addEndpoint(page, url, ['A request changes status or title'])
      await page.getByRole('button', { name: `Send test event to ${url}` }).click()
      await page.getByText('Test event queued').waitFor()
      await world.server.drainJobs()
      const log = page.getByRole('table', { name: `Deliveries to ${url}` })
      await eventually(() => log.getByRole('cell', { name: 'delivered' }).count()).toBe(1)
      // Every state at once: a secret, the log, the events editor, a pending Delete.
      await page.getByRole('button', { name: `Change events of ${url}` }).click()
      await page.getByRole('group', { name: `Events to send to ${url}` }).waitFor()
      await page.getByRole('button', { name: `Delete ${url}` }).click()
      await page.getByRole('group', { name: /Delete the endpoint/ }).waitFor()
      await page.waitForLoadState('networkidle')
      found[`webhooks-${width}`] = await seriousViolations(page)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-webhooks-mail-${width}.png`),
        fullPage: true,
      })
      expect(await pastTheRightEdge(page, 'section.notifications')).toEqual([])
    }
    expect(found).toEqual({ 'webhooks-1280': [], 'webhooks-375': [] })
  })
})
