// Issue 29 slice "moderation" in Chromium, on the built dashboard: Delete in the drawer (asked
// first, restorable), bulk delete in the backlog, the "Waiting for approval" view (Approve,
// Reject), the "Deleted" view (Restore), and the moderation setting. Axe and screenshots at 1280
// and 375 px.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe'
import { backlog, createProject, fileRequest } from './support/backend'
import { createOwnerThroughApi, signedInPage } from './support/dashboard'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const OWNER = { email: 'mo@example.com', name: 'Mo', password: 'correct horse battery' }

describe('moderation in the dashboard', () => {
  const world = useWorld()
  beforeAll(() => createOwnerThroughApi(world, OWNER))

  const signedIn = (width = 1280, height = 900): Promise<Page> =>
    signedInPage(world, OWNER, { viewport: { width, height }, bypassCSP: true })

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${world.server.url}/v1/admin${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${world.server.adminToken}`,
        'Content-Type': 'application/json',
      },
    })

  it('deletes a request from its drawer after asking, and restores it from Deleted', async () => {
    for (const width of [1280, 375]) {
      const created = await createProject(world, `Spam ${width}`)
      const projectId = created.project.id
      const spam = await fileRequest(world, projectId, 'Cheap watches online')
      await fileRequest(world, projectId, 'Dark mode')
      const page = await signedIn(width)
      await page.goto(`${world.server.url}/dashboard/p/${projectId}/requests/${spam.id}`)
      const drawer = page.getByRole('dialog', { name: 'Request: Cheap watches online' })
      await drawer.getByRole('button', { name: 'Delete request' }).click()
      const ask = page.getByRole('alertdialog', { name: 'Delete “Cheap watches online”?' })
      await ask.getByText('You can restore it from Deleted for 30 days.').waitFor()
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-moderation-delete-${width}.png`),
      })
      await ask.getByRole('button', { name: 'Delete', exact: true }).click()
      await page
        .getByText('Deleted “Cheap watches online”. You can restore it from Deleted for 30 days.')
        .waitFor()
      await eventually(async () => (await backlog(world, projectId)).map((r) => r.title)).toEqual([
        'Dark mode',
      ])

      await page.getByRole('button', { name: 'Deleted', exact: true }).click()
      const list = page.getByRole('list', { name: 'Deleted' })
      await list.getByText('Cheap watches online').waitFor()
      await list.getByText(/restorable until/).waitFor()
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-moderation-deleted-${width}.png`),
      })
      await list.getByRole('button', { name: 'Restore Cheap watches online' }).click()
      await page.getByText('Restored “Cheap watches online”').waitFor()
      await eventually(async () => (await backlog(world, projectId)).length).toBe(2)
    }
  })

  it('deletes the ticked rows of the backlog at once', async () => {
    const created = await createProject(world, 'Bulk')
    const projectId = created.project.id
    for (const title of ['Spam one', 'Spam two', 'Real request']) {
      await fileRequest(world, projectId, title)
    }
    const page = await signedIn()
    await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/backlog`)
    await page.getByRole('checkbox', { name: 'Select Spam one' }).check()
    await page.getByRole('checkbox', { name: 'Select Spam two' }).check()
    const bar = page.getByRole('group', { name: 'Selected requests' })
    await bar.getByText('2 requests selected').waitFor()
    await bar.getByRole('button', { name: 'Delete selected' }).click()
    const ask = page.getByRole('alertdialog', { name: 'Delete 2 requests?' })
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-moderation-bulk-1280.png') })
    await ask.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByText('Deleted 2 requests.', { exact: false }).waitFor()
    expect((await backlog(world, projectId)).map((request) => request.title)).toEqual([
      'Real request',
    ])
  })

  it('approves and rejects requests waiting for approval, and sets moderation in Settings', async () => {
    for (const width of [1280, 375]) {
      const created = await createProject(world, `Queue ${width}`)
      const projectId = created.project.id
      const page = await signedIn(width)
      // The setting, in Settings › Project.
      await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/settings/project`)
      await page.getByRole('radio', { name: /^Anonymous visitors/ }).check()
      expect(await seriousViolations(page)).toEqual([])
      await page.getByRole('button', { name: 'Save moderation' }).click()
      await page.getByText('Moderation saved.').waitFor()
      const settings = (await (await admin('/projects')).json()) as {
        projects: { id: string; settings: { moderation: string } }[]
      }
      expect(settings.projects.find((one) => one.id === projectId)?.settings.moderation).toBe(
        'anonymous',
      )

      const keep = await fileRequest(world, projectId, 'Offline mode')
      const spam = await fileRequest(world, projectId, 'Buy followers')
      expect(keep).toBeTruthy()
      await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/backlog`)
      const waiting = page.getByRole('button', { name: 'Waiting for approval (2)' })
      await waiting.click()
      const list = page.getByRole('list', { name: 'Waiting for approval' })
      await list.getByText('Offline mode').waitFor()
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-moderation-waiting-${width}.png`),
      })
      await list.getByRole('button', { name: 'Approve Offline mode' }).click()
      await page.getByText('Approved “Offline mode”: everyone sees it now.').waitFor()
      await page.getByRole('button', { name: 'Waiting for approval (1)' }).waitFor()
      // Opening one shows Approve and Reject in its drawer too.
      await list.getByRole('button', { name: 'Buy followers', exact: true }).click()
      const drawer = page.getByRole('dialog', { name: 'Request: Buy followers' })
      await drawer.getByRole('heading', { name: 'Waiting for approval' }).waitFor()
      await drawer.getByRole('button', { name: 'Reject' }).click()
      await page
        .getByRole('alertdialog', { name: 'Reject “Buy followers”?' })
        .getByRole('button', { name: 'Reject' })
        .click()
      await page.getByText('Rejected “Buy followers”.', { exact: false }).waitFor()
      const standing = await backlog(world, projectId)
      expect(standing.map((request) => [request.title, request.status])).toEqual([
        ['Offline mode', 'open'],
      ])
      const publicGet = await fetch(
        `${world.server.url}/v1/projects/${projectId}/requests/${spam.id}`,
        { headers: { 'X-Reqio-Anonymous-Id': randomUUID() } },
      )
      expect(publicGet.status).toBe(404)
    }
  })
})
