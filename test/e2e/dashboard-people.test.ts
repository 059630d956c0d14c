// Issue 28 in Chromium on the built dashboard: the People tab searches people, pages through
// them with Load more, opens one (their requests, votes and comments), downloads their data
// and deletes them after a confirmation that says what will go.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createProject, fileRequest, tokenFor, voteThroughApi } from './support/backend'
import { signedInPage } from './support/dashboard'
import { createOwnerThroughApi, OWNER, seriousViolations } from './support/notifications-page'
import { SCREENSHOT_DIR, useWorld } from './support/world'

describe('the People tab', () => {
  const world = useWorld()

  beforeAll(async () => {
    await createOwnerThroughApi(world)
  })

  async function signedInOn(projectId: string): Promise<Page> {
    const page = await signedInPage(world, OWNER, { bypassCSP: true, acceptDownloads: true })
    await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/people`)
    await page.getByRole('table', { name: 'People' }).waitFor()
    return page
  }

  it('searches, opens, exports and deletes a person, saying first what will go', async () => {
    const created = await createProject(world, 'Umbrella')
    const projectId = created.project.id
    const ann = await tokenFor(created, {
      sub: 'ann',
      email: 'ann@umbrella.example',
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
      ...({ name: 'Ann Archer', company: { id: 'u-corp', name: 'Umbrella Corp' } } as object),
    })
    const dark = await fileRequest(world, projectId, 'Dark mode', ann)
    const sso = await fileRequest(world, projectId, 'Single sign-on')
    await voteThroughApi(world, projectId, sso.id, ann)
    const commented = await fetch(
      `${world.server.url}/v1/projects/${projectId}/requests/${sso.id}/comments`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Reqio-Anonymous-Id': 'anon-ann',
          Authorization: `Bearer ${ann}`,
        },
        body: JSON.stringify({ body: 'We need this for our auditors' }),
      },
    )
    expect(commented.status).toBe(201)
    // Enough people for a second page (50 a page).
    for (let i = 0; i < 52; i++) {
      const token = await tokenFor(created, { sub: `p-${i}`, email: `p${i}@example.com` })
      await voteThroughApi(world, projectId, dark.id, token)
    }

    const page = await signedInOn(projectId)
    const rows = page.getByRole('table', { name: 'People' }).locator('tbody tr')
    expect(await rows.count()).toBe(50)
    await page.getByRole('button', { name: 'Load more' }).click()
    await expect.poll(() => rows.count()).toBe(53)
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0)
    const tabs = await page
      .getByRole('tab')
      .evaluateAll((all) => all.map((tab) => tab.getBoundingClientRect().top))
    expect(new Set(tabs).size).toBe(1)

    await page.getByLabel('Search people').fill('umbrella corp')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect.poll(() => rows.count()).toBe(1)
    const row = rows.first()
    expect(await row.innerText()).toMatch(
      /ann@umbrella\.example\s+Ann Archer\s+Umbrella Corp\s+pro\s+\$49\.00/,
    )

    await page.getByRole('button', { name: 'ann@umbrella.example' }).click()
    const detail = page.getByRole('region', { name: 'Person: ann@umbrella.example' })
    await detail.getByText('We need this for our auditors').waitFor()
    expect(await detail.innerText()).toContain('Dark mode')
    expect(await detail.innerText()).toContain('Single sign-on')
    await page.waitForLoadState('networkidle')
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-people-1280.png') })

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      detail.getByRole('button', { name: 'Download their data' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('person-ann.json')
    const exported = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'))
    expect(exported).toMatchObject({ sub: 'ann', person: { email: 'ann@umbrella.example' } })
    expect(exported.votes).toHaveLength(2)
    expect(exported.comments).toHaveLength(1)

    await detail.getByRole('button', { name: 'Delete this person' }).click()
    const step = page.getByRole('group', { name: /^Delete ann@umbrella\.example\?/ })
    expect(await step.innerText()).toContain(
      'This erases their email, name, 2 votes (removing $98.00 MRR from 2 requests), 1 comment; their requests stay without an author.',
    )
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-people-delete-1280.png') })
    await step.getByRole('button', { name: 'Delete for good' }).click()
    await detail.waitFor({ state: 'detached' })
    await page.getByText('Nobody matches “umbrella corp”.').waitFor()

    const gone = await world.server.adminFetch(`/v1/admin/projects/${projectId}/people/ann`)
    expect(gone.status).toBe(404)
    const backlog = await world.server.adminFetch(
      `/v1/admin/projects/${projectId}/backlog?sort=new`,
    )
    const titles = ((await backlog.json()) as { requests: { title: string; author: unknown }[] })
      .requests
    expect(titles.find((request) => request.title === 'Dark mode')?.author).toBeNull()
  })
})
