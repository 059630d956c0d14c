// Tags in Chromium on the built dashboard (spec/api.md v3 "Tags"): Settings › Tags creates,
// renames, recolours and deletes (asking first); the drawer puts tags on a request; ticked
// backlog rows get a tag at once; the backlog filters by tag; axe finds nothing serious at
// 1280 and 375 px.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RequestTag } from '../../src/shared/api'
import { backlog, createProject, fileRequest } from './support/backend'
import { signedInPage } from './support/dashboard'
import {
  createOwnerThroughApi,
  OWNER,
  pastTheRightEdge,
  seriousViolations,
} from './support/notifications-page'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

describe('tags in the dashboard', () => {
  const world = useWorld()

  beforeAll(async () => {
    await createOwnerThroughApi(world)
  })

  async function tagsOf(projectId: string): Promise<RequestTag[]> {
    const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}/tags`)
    return ((await res.json()) as { tags: RequestTag[] }).tags
  }

  async function createTag(projectId: string, name: string, color: string): Promise<RequestTag> {
    const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}/tags`, {
      method: 'POST',
      body: JSON.stringify({ name, color }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { tag: RequestTag }).tag
  }

  async function openSettings(
    projectId: string,
    viewport = { width: 1280, height: 900 },
    allowNetworkFailureLogs = false,
  ) {
    const page = await signedInPage(world, OWNER, {
      viewport,
      bypassCSP: true,
      allowNetworkFailureLogs,
    })
    await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/settings/tags`)
    await page.getByRole('heading', { level: 2, name: 'Tags' }).waitFor()
    return page
  }

  async function openBacklog(projectId: string, viewport = { width: 1280, height: 900 }) {
    const page = await signedInPage(world, OWNER, { viewport, bypassCSP: true })
    await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/backlog`)
    await page.getByRole('table', { name: 'Backlog' }).waitFor()
    return page
  }

  const tagList = (page: Page) => page.getByRole('list', { name: 'Tags' })

  it('creates, renames, recolours and deletes tags in Settings › Tags', async () => {
    const { project } = await createProject(world, 'Tag settings')
    // The duplicate below is refused with a 409, which Chromium logs.
    const page = await openSettings(project.id, undefined, true)
    await page.getByText('No tag yet.').waitFor()

    await page.getByLabel('Name', { exact: true }).fill('Billing')
    await page.getByLabel('Colour', { exact: true }).fill('#1d4ed8')
    await page.getByRole('button', { name: 'Create tag' }).click()
    await page.getByRole('status').filter({ hasText: 'Tag “Billing” created.' }).waitFor()
    await tagList(page).getByText('Billing').waitFor()
    expect(await tagsOf(project.id)).toMatchObject([{ name: 'Billing', color: '#1d4ed8' }])
    // The name field is empty again, for the next tag.
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('')

    // A duplicate name is refused, and says why.
    await page.getByLabel('Name', { exact: true }).fill('billing')
    await page.getByRole('button', { name: 'Create tag' }).click()
    await page
      .getByRole('alert')
      .filter({ hasText: 'Another tag of this project has that name' })
      .waitFor()

    await page.getByRole('button', { name: 'Edit Billing' }).click()
    const row = tagList(page).getByRole('listitem')
    await row.getByLabel('Name').fill('Invoices')
    await row.getByLabel('Colour').fill('#b91c1c')
    await page.getByRole('button', { name: 'Save Billing' }).click()
    await page.getByRole('status').filter({ hasText: 'Tag “Invoices” saved.' }).waitFor()
    expect(await tagsOf(project.id)).toMatchObject([{ name: 'Invoices', color: '#b91c1c' }])
    // The chip's text reads on its colour: white on this dark red.
    const chip = tagList(page).locator('.tag-chip')
    expect(await chip.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)')

    await page.getByRole('button', { name: 'Delete Invoices' }).click()
    const question = page.getByRole('group', { name: /Delete Invoices\?/ })
    await question.getByRole('button', { name: 'Cancel' }).click()
    expect(await tagsOf(project.id)).toHaveLength(1)
    await page.getByRole('button', { name: 'Delete Invoices' }).click()
    await page.getByRole('button', { name: 'Delete tag' }).click()
    await page.getByText('No tag yet.').waitFor()
    expect(await tagsOf(project.id)).toEqual([])
  })

  it('puts tags on a request in the drawer, and shows them as chips in the backlog', async () => {
    const { project } = await createProject(world, 'Tag drawer')
    await createTag(project.id, 'Billing', '#1d4ed8')
    await createTag(project.id, 'Mobile', '#fde047')
    const { id } = await fileRequest(world, project.id, 'Invoices on the phone')
    const page = await openBacklog(project.id)

    await page.getByRole('button', { name: 'Invoices on the phone' }).click()
    const drawer = page.getByRole('dialog', { name: 'Request: Invoices on the phone' })
    const tags = drawer.getByRole('group', { name: 'Tags' })
    await tags.getByRole('checkbox', { name: 'Mobile' }).check()
    await drawer.getByRole('status').filter({ hasText: 'Tagged “Mobile”.' }).waitFor()
    await tags.getByRole('checkbox', { name: 'Billing' }).check()
    await drawer.getByRole('status').filter({ hasText: 'Tagged “Billing”.' }).waitFor()
    await eventually(async () =>
      (await backlog(world, project.id))[0]?.tags.map((t) => t.name),
    ).toEqual(['Billing', 'Mobile'])
    await tags.getByRole('checkbox', { name: 'Billing' }).uncheck()
    await drawer.getByRole('status').filter({ hasText: '“Billing” taken off.' }).waitFor()
    await drawer.getByRole('button', { name: 'Close', exact: true }).click()

    const cell = page.getByRole('rowheader', { name: 'Invoices on the phone' })
    await eventually(() => cell.locator('.tag-chip').allInnerTexts()).toEqual(['Mobile'])
    // Dark text on the light yellow: the name reads on its colour.
    const chip = cell.locator('.tag-chip')
    expect(await chip.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)')
    expect((await backlog(world, project.id))[0]?.id).toBe(id)
  })

  it('tags the ticked rows at once, takes the tag off again, and filters the backlog by tag', async () => {
    const { project } = await createProject(world, 'Tag bulk')
    const billing = await createTag(project.id, 'Billing', '#1d4ed8')
    await createTag(project.id, 'Mobile', '#0f766e')
    await fileRequest(world, project.id, 'Dark mode')
    await fileRequest(world, project.id, 'Invoices as PDF')
    await fileRequest(world, project.id, 'Invoices by email')
    const page = await openBacklog(project.id)

    await page.getByRole('checkbox', { name: 'Select Invoices as PDF' }).check()
    await page.getByRole('checkbox', { name: 'Select Invoices by email' }).check()
    const bar = page.getByRole('group', { name: 'Tag the selected requests' })
    expect(await bar.innerText()).toContain('2 requests selected')
    await bar.getByLabel('Tag').selectOption({ label: 'Billing' })
    await bar.getByRole('button', { name: 'Add tag' }).click()
    await page.getByRole('status').filter({ hasText: 'Tagged 2 requests “Billing”.' }).waitFor()
    const tagged = async () =>
      (await backlog(world, project.id))
        .filter((request) => request.tags.some((tag) => tag.id === billing.id))
        .map((request) => request.title)
        .sort()
    expect(await tagged()).toEqual(['Invoices as PDF', 'Invoices by email'])
    // The selection is cleared with the bar.
    await bar.waitFor({ state: 'detached' })
    expect(await bar.count()).toBe(0)

    const filters = page.getByRole('search', { name: 'Filter the backlog' })
    await filters.getByLabel('Tag').selectOption({ label: 'Billing' })
    await eventually(() => page.getByRole('rowheader').count()).toBe(2)
    await page.getByRole('checkbox', { name: 'Select all requests' }).check()
    await bar.getByLabel('Tag').selectOption({ label: 'Billing' })
    await bar.getByRole('button', { name: 'Remove tag' }).click()
    await page.getByRole('status').filter({ hasText: 'Took “Billing” off 2 requests.' }).waitFor()
    expect(await tagged()).toEqual([])
    await page.getByText('No request matches these filters.').waitFor()
  })

  it('has no serious axe violations and fits a 375 px phone, screenshots at 1280 and 375', async () => {
    const { project } = await createProject(world, 'Tally Books')
    const billing = await createTag(project.id, 'Billing', '#1d4ed8')
    await createTag(project.id, 'Mobile', '#fde047')
    await createTag(project.id, 'API', '#0f766e')
    const { id } = await fileRequest(world, project.id, 'Invoices on the phone')
    await fileRequest(world, project.id, 'Dark mode')
    await world.server.adminFetch(`/v1/admin/projects/${project.id}/requests/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ tagIds: [billing.id] }),
    })
    const found: Record<string, string[]> = {}
    for (const width of [1280, 375]) {
      const viewport = { width, height: 900 }
      const settings = await openSettings(project.id, viewport)
      await tagList(settings).getByText('Mobile').waitFor()
      await settings.getByRole('button', { name: 'Delete API' }).click()
      await settings.getByRole('group', { name: /Delete API\?/ }).waitFor()
      found[`settings-${width}`] = await seriousViolations(settings)
      await settings.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-tags-settings-${width}.png`),
        fullPage: true,
      })
      expect(await pastTheRightEdge(settings, 'section.tags-settings')).toEqual([])

      const page = await openBacklog(project.id, viewport)
      await page.getByRole('checkbox', { name: 'Select Dark mode' }).check()
      await page.getByRole('group', { name: 'Tag the selected requests' }).waitFor()
      found[`backlog-${width}`] = await seriousViolations(page)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-tags-backlog-${width}.png`),
        fullPage: true,
      })
      await page.getByRole('button', { name: 'Invoices on the phone' }).click()
      const drawer = page.getByRole('dialog', { name: 'Request: Invoices on the phone' })
      await drawer.getByRole('group', { name: 'Tags' }).waitFor()
      found[`drawer-${width}`] = await seriousViolations(page)
      await page.screenshot({ path: join(SCREENSHOT_DIR, `dashboard-tags-drawer-${width}.png`) })
    }
    expect(found).toEqual({
      'settings-1280': [],
      'backlog-1280': [],
      'drawer-1280': [],
      'settings-375': [],
      'backlog-375': [],
      'drawer-375': [],
    })
  })
})
