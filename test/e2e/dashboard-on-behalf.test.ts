// Issue 28 in Chromium, on the built dashboard: "Add feedback for a customer" on the Backlog and
// "Add a vote for a customer" in a request's drawer, finding people through the server's own
// people search (GET .../people). Axe and screenshots at 1280 and 375 px.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PersonMatch } from '../../src/shared/api'
import { seriousViolations } from './support/axe'
import { backlog, createProject, fileRequest, tokenFor } from './support/backend'
import { createOwnerThroughApi, signedInPage } from './support/dashboard'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const OWNER = { email: 'sal@example.com', name: 'Sal', password: 'correct horse battery' }

const ADA: PersonMatch = {
  sub: 'crm-ada',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  plan: 'business',
  mrrCents: 25_000,
  company: { id: 'acme', name: 'Acme Corp' },
}

describe('feedback on a customer’s behalf in the dashboard', () => {
  const world = useWorld()
  beforeAll(() => createOwnerThroughApi(world, OWNER))

  const signedIn = (width = 1280, height = 900): Promise<Page> =>
    signedInPage(world, OWNER, { viewport: { width, height }, bypassCSP: true })

  it('adds feedback for a new customer nobody has seen yet, starting from what was searched', async () => {
    const created = await createProject(world, 'Sales Calls')
    const projectId = created.project.id
    for (const width of [1280, 375]) {
      const page = await signedIn(width)
      await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/backlog`)
      await page.getByRole('button', { name: 'Add feedback for a customer' }).click()
      const dialog = page.getByRole('dialog', { name: 'Add feedback for a customer' })
      await dialog.waitFor()
      const title = width === 1280 ? 'Single sign-on with Okta' : 'Okta groups'
      await dialog.getByLabel('Title').fill(title)
      await dialog.getByLabel('Details (optional)').fill('Heard on the renewal call.')
      await dialog.getByLabel('Search by email, name or company').fill(`bob-${width}@example.com`)
      // Nobody matches in the real people search: what was typed starts a new customer.
      await dialog.getByText('Nobody matches: add them as a new customer.').waitFor()
      await dialog.getByRole('button', { name: 'A new customer' }).click()
      expect(await dialog.getByLabel('Email (optional)').inputValue()).toBe(
        `bob-${width}@example.com`,
      )
      await dialog.getByLabel('Customer id (sub)').fill(`crm-bob-${width}`)
      await dialog.getByLabel('Name (optional)').fill('Bob Stone')
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({ path: join(SCREENSHOT_DIR, `dashboard-add-feedback-${width}.png`) })
      await dialog.getByRole('button', { name: 'Add feedback' }).click()
      await page.getByText(`Added “${title}” for Bob Stone.`).waitFor()
      expect(await dialog.count()).toBe(0)
      // The new request opens in its drawer.
      await page.getByRole('dialog', { name: `Request: ${title}` }).waitFor()
      const filed = (await backlog(world, projectId)).find((request) => request.title === title)
      expect(filed).toMatchObject({
        body: 'Heard on the renewal call.',
        votes: 1,
        author: { sub: `crm-bob-${width}`, email: `bob-${width}@example.com` },
      })
    }
  })

  it('closes the dialog with Escape, filing nothing', async () => {
    const created = await createProject(world, 'Escape')
    const page = await signedIn()
    await page.goto(`${world.server.url}/dashboard/#/projects/${created.project.id}/backlog`)
    await page.getByRole('button', { name: 'Add feedback for a customer' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add feedback for a customer' })
    await dialog.getByLabel('Title').fill('Never filed')
    await page.keyboard.press('Escape')
    await eventually(() => dialog.count()).toBe(0)
    expect(await backlog(world, created.project.id)).toEqual([])
  })

  it('takes a new customer by email alone: the email stands for their id', async () => {
    const created = await createProject(world, 'By Email')
    const page = await signedIn()
    await page.goto(`${world.server.url}/dashboard/#/projects/${created.project.id}/backlog`)
    await page.getByRole('button', { name: 'Add feedback for a customer' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add feedback for a customer' })
    await dialog.getByLabel('Title').fill('Dark mode')
    await dialog.getByRole('button', { name: 'A new customer' }).click()
    await dialog.getByLabel('Email (optional)').fill('cleo@example.com')
    await dialog.getByRole('button', { name: 'Add feedback' }).click()
    await page.getByText('Added “Dark mode” for cleo@example.com.').waitFor()
    expect((await backlog(world, created.project.id))[0]?.author).toMatchObject({
      sub: 'cleo@example.com',
      email: 'cleo@example.com',
    })
  })

  it('adds a vote for a customer found by company, counted with their revenue', async () => {
    const created = await createProject(world, 'Votes For')
    const projectId = created.project.id
    // Ada is known from her widget token: her plan and revenue.
    const adaToken = await tokenFor(created, {
      sub: ADA.sub,
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      traits: { plan: 'business', amount: ADA.mrrCents, interval: 'month' },
      company: { id: 'acme', name: 'Acme Corp' },
    })
    const identify = await fetch(`${world.server.url}/v1/projects/${projectId}/identify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adaToken}` },
    })
    expect(identify.status).toBe(200)
    const request = await fileRequest(world, projectId, 'Audit log export')

    for (const width of [1280, 375]) {
      const page = await signedIn(width)
      await page.goto(`${world.server.url}/dashboard/p/${projectId}/requests/${request.id}`)
      const drawer = page.getByRole('dialog', { name: 'Request: Audit log export' })
      const section = drawer.getByRole('region', { name: 'Add a vote for a customer' })
      await section.getByLabel('Search by email, name or company').fill('acme')
      await section.getByRole('button', { name: /Ada Lovelace/ }).click()
      await section.getByText('Ada Lovelace').waitFor()
      expect(await seriousViolations(page)).toEqual([])
      await section.scrollIntoViewIfNeeded()
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-vote-for-customer-${width}.png`),
      })
      await section.getByRole('button', { name: 'Add vote' }).click()
      await section.getByText('Vote added for Ada Lovelace.').waitFor()
      // Once, however often it is added: the second width adds it again.
      const [entry] = await backlog(world, projectId)
      expect(entry).toMatchObject({ votes: 2, mrrCents: ADA.mrrCents })
      expect(entry?.voters.map((voter) => voter.sub)).toEqual([ADA.sub])
    }
  })
})
