import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RequestListResponse } from '../../src/shared/api'
import { seriousViolations as seriousAxeViolations } from './support/axe'
import { createProject, fileRequest, tokenFor } from './support/backend'
import { eventually, SCREENSHOT_DIR, useWorld, type World } from './support/world'

async function publicList(world: World, projectId: string) {
  const res = await fetch(`${world.server.url}/v1/projects/${projectId}/requests?sort=new`)
  return ((await res.json()) as RequestListResponse).requests
}

describe('portal.js on the portal’s pages', () => {
  const world = useWorld({ demo: false })

  async function portal(
    options: {
      javaScriptEnabled?: boolean
      colorScheme?: 'light' | 'dark'
      bypassCSP?: boolean
    } = {},
  ) {
    const created = await createProject(world, 'Initech')
    const projectId = created.project.id
    const watched = await world.openPage({
      viewport: { width: 375, height: 800 },
      allowNetworkFailureLogs: true,
      ...options,
    })
    return { projectId, page: watched.page, board: `${world.server.url}/p/${projectId}` }
  }

  it('votes from the board without leaving the page, and takes the vote back', async () => {
    const { projectId, page, board } = await portal()
    const request = await fileRequest(world, projectId, 'Dark mode')
    await page.goto(board)
    const vote = page.getByRole('button', { name: 'Vote for Dark mode: 1' })
    await vote.click()
    const voted = page.getByRole('button', { name: 'Vote for Dark mode: 2' })
    await eventually(() => voted.getAttribute('aria-pressed')).toBe('true')
    expect(await voted.innerText()).toContain('2')
    expect(page.url()).toBe(board)
    expect((await publicList(world, projectId))[0]).toMatchObject({ id: request.id, votes: 2 })

    await voted.click()
    await eventually(() =>
      page.getByRole('button', { name: 'Vote for Dark mode: 1' }).getAttribute('aria-pressed'),
    ).toBe('false')
    expect((await publicList(world, projectId))[0]?.votes).toBe(1)
  })

  it('writes as the person signed in through the customer’s app (the browser sends the portal’s Origin)', async () => {
    const created = await createProject(world, 'Globex')
    const projectId = created.project.id
    const request = await fileRequest(world, projectId, 'SSO everywhere')
    const { page } = await world.openPage({ viewport: { width: 375, height: 800 } })
    const board = `${world.server.url}/p/${projectId}`
    const token = await tokenFor(created, { sub: 'customer-7', email: 'c7@example.com' })
    await page.goto(`${board}/sso?${new URLSearchParams({ token, return_to: board })}`)
    expect(page.url()).toBe(board)
    await page.getByRole('button', { name: 'Vote for SSO everywhere: 1' }).click()
    await page.getByRole('button', { name: 'Vote for SSO everywhere: 2' }).waitFor()
    const asCustomer = await fetch(`${world.server.url}/v1/projects/${projectId}/requests`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    const [seen] = ((await asCustomer.json()) as RequestListResponse).requests
    expect(seen).toMatchObject({ id: request.id, votes: 2, voted: true })
  })

  it('files a new request from the board and opens its page', async () => {
    const { projectId, page, board } = await portal()
    await page.goto(board)
    await page.getByRole('textbox', { name: 'Title' }).fill('Offline mode')
    await page.getByRole('textbox', { name: 'Details (optional)' }).fill('On the train')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByRole('heading', { name: 'Offline mode', level: 1 }).waitFor()
    const [filed] = await publicList(world, projectId)
    expect(filed).toMatchObject({ title: 'Offline mode', body: 'On the train', votes: 1 })
    expect(page.url()).toBe(`${board}/requests/${filed?.id}`)
  })

  it('comments on a request page and shows the thread as the server renders it', async () => {
    const { projectId, page, board } = await portal()
    await world.server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
    })
    const request = await fileRequest(world, projectId, 'Calendar sync')
    await page.goto(`${board}/requests/${request.id}`)
    const box = page.getByRole('textbox', { name: 'Your comment' })
    await box.fill('Google Calendar too')
    await page.getByRole('button', { name: 'Comment' }).click()
    const thread = page.locator('[data-portal-comments]')
    await eventually(() => thread.innerText()).toContain('Google Calendar too')
    expect(await page.getByRole('heading', { name: '1 comment' }).count()).toBe(1)
    expect(await box.inputValue()).toBe('')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portal-script-comment-375.png') })
  })

  it('says why the server refused a write in a live region beside the form', async () => {
    const { projectId, page, board } = await portal()
    await fileRequest(world, projectId, 'Reports')
    await world.server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { requireIdentity: true } }),
    })
    await page.goto(board)
    await page.getByRole('button', { name: 'Vote for Reports: 1' }).click()
    const notice = page.getByRole('status')
    await eventually(() => notice.innerText()).toBe('This project needs you to be signed in.')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portal-script-refused-vote-375.png') })
    expect(page.url()).toBe(board)
    expect((await publicList(world, projectId))[0]?.votes).toBe(1)
  })

  it('searches as you type; the address follows, so the result can be shared', async () => {
    const { projectId, page, board } = await portal()
    await fileRequest(world, projectId, 'Dark mode')
    await fileRequest(world, projectId, 'CSV export')
    await page.goto(board)
    expect(await page.locator('[data-portal-list] li').count()).toBe(2)
    await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('dark')
    await eventually(() => page.locator('[data-portal-list] li').count()).toBe(1)
    expect(await page.locator('[data-portal-count]').innerText()).toBe('1 request')
    expect(page.url()).toBe(`${board}?q=dark`)
    // A vote in the list the search brought works like any other.
    await page.getByRole('button', { name: 'Vote for Dark mode: 1' }).click()
    await page.getByRole('button', { name: 'Vote for Dark mode: 2' }).waitFor()
    await page.getByRole('searchbox', { name: 'Search' }).fill('nothing like it')
    await eventually(() => page.locator('.empty').count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portal-script-search-375.png') })
  })

  it('with JavaScript off the same forms post, and the browser lands back on the page', async () => {
    const { projectId, page, board } = await portal({ javaScriptEnabled: false })
    await fileRequest(world, projectId, 'Zapier')
    await page.goto(board)
    await page.getByRole('button', { name: 'Vote for Zapier: 1' }).click()
    await page.getByRole('button', { name: 'Vote for Zapier: 2' }).waitFor()
    expect(page.url()).toBe(board)
    // The page knows the vote is the visitor's: the same button takes it back.
    await page.getByRole('button', { name: 'Vote for Zapier: 2' }).click()
    await page.getByRole('button', { name: 'Vote for Zapier: 1' }).waitFor()

    await page.getByRole('textbox', { name: 'Title' }).fill('Webhooks')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor()
    const filed = (await publicList(world, projectId)).find((r) => r.title === 'Webhooks')
    expect(page.url()).toBe(`${board}/requests/${filed?.id}`)
  })

  it('leaves no serious or critical axe violation after its changes, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { projectId, page, board } = await portal({ colorScheme, bypassCSP: true })
      await world.server.adminFetch(`/v1/admin/projects/${projectId}`, {
        method: 'PATCH',
        body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
      })
      const request = await fileRequest(world, projectId, 'Dark mode')
      await fileRequest(world, projectId, 'CSV export')
      await page.goto(board)
      await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('dark')
      await eventually(() => page.locator('[data-portal-list] li').count()).toBe(1)
      await page.getByRole('button', { name: 'Vote for Dark mode: 1' }).click()
      await page.getByRole('button', { name: 'Vote for Dark mode: 2' }).waitFor()
      expect(await seriousAxeViolations(page), `board, ${colorScheme}`).toEqual([])

      await page.goto(`${board}/requests/${request.id}`)
      await page.getByRole('textbox', { name: 'Your comment' }).fill('Please')
      await page.getByRole('button', { name: 'Comment' }).click()
      await eventually(() => page.locator('[data-portal-comments]').innerText()).toContain('Please')
      expect(await seriousAxeViolations(page), `request, ${colorScheme}`).toEqual([])
    }
  })
})
