// The revenue ledger in Chromium on the built dashboard (spec v3 "The revenue ledger"): the
// backlog's At risk column, sort and filter, the drawer's accounts at risk, Settings › Revenue
// (endpoint URL, write-only signing secret, metadata keys, last event) and a company's MRR
// history with its source and "as of" on the Companies page. Stripe's events are signed with
// the `stripe` package, as Stripe signs them.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import Stripe from 'stripe'
import { beforeAll, describe, expect, it } from 'vitest'
import { flagAtRisk } from '../helpers/flag-at-risk'
import { createProject, fileRequest, tokenFor, voteThroughApi } from './support/backend'
import { signedInPage } from './support/dashboard'
import {
  createOwnerThroughApi,
  OWNER,
  pastTheRightEdge,
  seriousViolations,
} from './support/notifications-page'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const WHSEC = 'whsec_e2eRevenueLedgerSecret0123456789'
const stripe = new Stripe('sk_test_unused')

describe('the revenue ledger in the dashboard', () => {
  const world = useWorld()

  beforeAll(async () => {
    await createOwnerThroughApi(world)
  })

  async function openAt(path: string, width = 1280): Promise<Page> {
    const page = await signedInPage(world, OWNER, {
      viewport: { width, height: 900 },
      bypassCSP: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    await page.goto(`${world.server.url}/dashboard/#/projects/${path}`)
    return page
  }

  /** A Stripe event as Stripe sends it: JSON signed with the endpoint's secret. */
  async function sendStripeEvent(projectId: string, event: Record<string, unknown>) {
    const payload = JSON.stringify({ object: 'event', livemode: false, ...event })
    const res = await fetch(`${world.server.url}/v1/integrations/stripe/${projectId}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload, secret: WHSEC }),
      },
      body: payload,
    })
    expect(res.status, await res.text()).toBeLessThan(300)
  }

  /** Acme's subscription at `amount` cents a month, in `status`. */
  function subscriptionEvent(id: string, created: number, amount: number, status: string) {
    return {
      id,
      type: 'customer.subscription.updated',
      created,
      data: {
        object: {
          id: 'sub_acme',
          object: 'subscription',
          customer: 'cus_acme',
          status,
          cancel_at_period_end: false,
          metadata: { reqio_company: 'acme' },
          items: {
            object: 'list',
            data: [
              {
                id: 'si_acme',
                quantity: 1,
                price: {
                  id: 'price_pro',
                  unit_amount: amount,
                  recurring: { interval: 'month', interval_count: 1 },
                },
              },
            ],
          },
        },
      },
    }
  }

  /** Export (Acme, at risk, and Solo), Dark mode (Acme), SSO (Beta: the most revenue, safe). */
  async function backlogWithRisk(name: string) {
    const created = await createProject(world, name)
    const projectId = created.project.id
    const acme = { company: { id: 'acme', name: 'Acme Inc' } }
    const ann = await tokenFor(created, {
      sub: 'ann',
      email: 'ann@acme.example',
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
      ...acme,
    })
    const solo = await tokenFor(created, {
      sub: 'solo',
      email: 'solo@example.com',
      traits: { plan: 'starter', amount: 900, interval: 'month' },
    })
    const bea = await tokenFor(created, {
      sub: 'bea',
      email: 'bea@beta.example',
      traits: { plan: 'scale', amount: 19900, interval: 'month' },
      company: { id: 'beta', name: 'Beta' },
    })
    const exportCsv = await fileRequest(world, projectId, 'Export to CSV', ann)
    const dark = await fileRequest(world, projectId, 'Dark mode', ann)
    const sso = await fileRequest(world, projectId, 'Single sign-on', bea)
    await voteThroughApi(world, projectId, exportCsv.id, solo)
    // What Stripe's webhook does for a past_due subscription (the Settings test sends real events).
    await flagAtRisk(world.server.store.db, projectId, { company: 'acme' })
    return { projectId, ids: { exportCsv: exportCsv.id, dark: dark.id, sso: sso.id } }
  }

  const rowTitles = (page: Page) =>
    page
      .getByRole('table', { name: 'Backlog' })
      .locator('tbody th[scope="row"] button.link')
      .allInnerTexts()

  it('shows the revenue at risk per request, sorts and filters by it, and names the accounts in the drawer', async () => {
    const { projectId } = await backlogWithRisk('Tally Books')
    const page = await openAt(`${projectId}/backlog`)
    const table = page.getByRole('table', { name: 'Backlog' })
    await table.waitFor()
    expect(await rowTitles(page)).toEqual(['Single sign-on', 'Export to CSV', 'Dark mode'])
    const exportRow = table.getByRole('row', { name: 'Export to CSV' })
    expect(await exportRow.innerText()).toContain('$49.00 at risk')
    expect(await table.getByRole('row', { name: 'Single sign-on' }).innerText()).not.toContain(
      'at risk',
    )

    await page.getByRole('button', { name: 'At risk', exact: true }).click()
    await eventually(() => rowTitles(page)).toEqual([
      'Export to CSV',
      'Dark mode',
      'Single sign-on',
    ])
    await page.getByLabel('Asked for by accounts at risk').check()
    await eventually(() => rowTitles(page)).toEqual(['Export to CSV', 'Dark mode'])

    await table.getByRole('button', { name: 'Export to CSV' }).click()
    const section = page.getByRole('region', { name: /Accounts at risk/ })
    await section.getByText('Acme Inc').waitFor()
    expect(await section.innerText()).toContain('$49.00 at risk')
    expect(await section.innerText()).toContain('$49.00/mo')
    expect(await section.innerText()).not.toContain('solo')

    const found: Record<string, string[]> = {}
    for (const width of [1280, 375]) {
      const shown = width === 1280 ? page : await openAt(`${projectId}/backlog`, width)
      if (width === 375) {
        await shown.getByRole('button', { name: 'At risk', exact: true }).click()
        await shown.getByLabel('Asked for by accounts at risk').check()
        await eventually(() => rowTitles(shown)).toEqual(['Export to CSV', 'Dark mode'])
        // On a phone the column folds into the title's line of facts.
        const facts = shown.locator('.row-facts').first()
        expect(await facts.innerText()).toContain('$49.00 at risk')
        expect(await pastTheRightEdge(shown, '.backlog')).toEqual([])
      }
      await shown.waitForLoadState('networkidle')
      found[`backlog-at-risk-${width}`] = await seriousViolations(shown)
      await shown.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-revenue-at-risk-${width}.png`),
        fullPage: true,
      })
    }
    expect(found).toEqual({ 'backlog-at-risk-1280': [], 'backlog-at-risk-375': [] })
  })

  it('sets up Stripe in Settings › Revenue: endpoint URL to copy, a write-only secret, the metadata keys and the last event', async () => {
    const created = await createProject(world, 'Ledger')
    const projectId = created.project.id
    const page = await openAt(`${projectId}/settings/revenue`)
    await page.getByRole('heading', { level: 2, name: 'Revenue' }).waitFor()
    const endpoint = `${world.server.url}/v1/integrations/stripe/${projectId}`
    await page.getByText(endpoint).waitFor()
    await page.getByRole('button', { name: 'Copy Stripe endpoint URL' }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(endpoint)
    expect(await page.locator('main').innerText()).toContain('No signing secret yet')
    for (const key of ['reqio_company', 'reqio_sub']) await page.getByText(key).first().waitFor()
    await page.getByText('None yet.').waitFor()

    await page.getByLabel('Signing secret', { exact: true }).fill(WHSEC)
    await page.getByRole('button', { name: 'Save secret' }).click()
    await page.getByText('A signing secret is set.').waitFor()
    // Write-only: the secret is on no page and in no answer.
    expect(await page.getByLabel('Signing secret', { exact: true }).inputValue()).toBe('')
    expect(await page.locator('body').innerText()).not.toContain(WHSEC)
    const stripeView = await world.server.adminFetch(`/v1/admin/projects/${projectId}/stripe`)
    expect(await stripeView.text()).not.toContain(WHSEC)

    await sendStripeEvent(projectId, subscriptionEvent('evt_1', 1_765_000_000, 12000, 'active'))
    await page.getByRole('button', { name: 'Check again' }).click()
    const lastEvent = (shown: Page) =>
      shown.getByRole('status').filter({ hasText: 'customer.subscription.updated' })
    await lastEvent(page).waitFor()

    const found: Record<string, string[]> = {}
    for (const width of [1280, 375]) {
      const shown = width === 1280 ? page : await openAt(`${projectId}/settings/revenue`, width)
      await lastEvent(shown).waitFor()
      if (width === 375) expect(await pastTheRightEdge(shown, '.revenue-settings')).toEqual([])
      found[`settings-revenue-${width}`] = await seriousViolations(shown)
      await shown.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-settings-revenue-${width}.png`),
        fullPage: true,
      })
    }
    expect(found).toEqual({ 'settings-revenue-1280': [], 'settings-revenue-375': [] })
  })

  it('shows each company’s MRR source, "as of" and at-risk badge, and its MRR history', async () => {
    const created = await createProject(world, 'History')
    const projectId = created.project.id
    const person = (amount: number) => ({
      sub: 'ann',
      email: 'ann@acme.example',
      traits: { plan: 'pro', amount, interval: 'month' as const },
      company: { id: 'acme', name: 'Acme Inc' },
    })
    const request = await fileRequest(
      world,
      projectId,
      'Export',
      await tokenFor(created, person(4900)),
    )
    // A newer token raises Acme's MRR (from token); then Stripe takes over, and falls behind.
    await voteThroughApi(
      world,
      projectId,
      request.id,
      await tokenFor(created, person(9900), Date.now() + 2000),
    )
    const secret = await world.server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { stripe: { webhookSecret: WHSEC } } }),
    })
    expect(secret.status).toBe(200)
    // Stripe's clock: the events come after the tokens, so they are the newest changes.
    const now = Math.floor(Date.now() / 1000) + 10
    await sendStripeEvent(projectId, subscriptionEvent('evt_a', now, 12000, 'active'))
    await sendStripeEvent(projectId, subscriptionEvent('evt_b', now + 60, 12000, 'past_due'))

    const found: Record<string, string[]> = {}
    for (const width of [1280, 375]) {
      const page = await openAt(`${projectId}/companies`, width)
      const row = page
        .getByRole('table', { name: 'Companies' })
        .getByRole('row', { name: /Acme Inc/ })
      await row.waitFor()
      expect(await row.innerText()).toContain('At risk')
      expect(await row.innerText()).toContain('from Stripe, as of')
      await row.getByRole('button', { name: 'Acme Inc' }).click()
      const history = page.getByRole('list', { name: 'MRR changes, newest first' })
      await history.waitFor()
      const lines = await history.getByRole('listitem').allInnerTexts()
      expect(lines[0]).toMatch(/^\$99\.00 → \$120\.00 on .+, from Stripe$/)
      expect(lines).toContainEqual(expect.stringMatching(/^\$49\.00 → \$99\.00 on .+, from token$/))
      await page.waitForLoadState('networkidle')
      found[`companies-history-${width}`] = await seriousViolations(page)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-company-mrr-history-${width}.png`),
        fullPage: true,
      })
    }
    expect(found).toEqual({ 'companies-history-1280': [], 'companies-history-375': [] })
  })
})
