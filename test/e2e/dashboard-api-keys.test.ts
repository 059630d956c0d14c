// Settings › API keys in Chromium on the built dashboard (spec/api.md v3): an owner creates a
// key with a scope, sees it once with a copy button and a warning, the list shows its prefix,
// scope and last use, and Revoke asks first and refuses the key at once.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiKeysResponse } from '../../src/shared/api'
import { createProject } from './support/backend'
import { signedInPage } from './support/dashboard'
import { isFocused } from './support/keyboard'
import {
  createOwnerThroughApi,
  OWNER,
  pastTheRightEdge,
  seriousViolations,
} from './support/notifications-page'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

describe('the API keys settings page', () => {
  const world = useWorld()

  beforeAll(async () => {
    await createOwnerThroughApi(world)
  })

  /** Signed in as the owner on the project's API keys page; the page may read what it copies. */
  async function openApiKeysPage(
    projectId: string,
    viewport = { width: 1280, height: 900 },
  ): Promise<Page> {
    const page = await signedInPage(world, OWNER, {
      viewport,
      bypassCSP: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/settings/api-keys`)
    await page.getByRole('heading', { level: 2, name: 'API keys' }).waitFor()
    return page
  }

  const shownKey = (page: Page, name: string) =>
    page.getByRole('region', { name: `New API key ${name}` }).locator('.secret-line code')

  async function createKey(page: Page, name: string, scope: 'Read' | 'Write' | 'Admin') {
    await page.getByLabel('Name', { exact: true }).fill(name)
    await page.getByRole('radio', { name: new RegExp(`^${scope}:`) }).check()
    await page.getByRole('button', { name: 'Create key' }).click()
    await shownKey(page, name).waitFor()
    return shownKey(page, name).innerText()
  }

  const backlogWith = (key: string, projectId: string) =>
    fetch(`${world.server.url}/v1/admin/projects/${projectId}/backlog`, {
      headers: { Authorization: `Bearer ${key}` },
    })

  it('creates a key with a scope, shows it once with a copy button, and lists only its prefix', async () => {
    const { project } = await createProject(world, 'Keys')
    const page = await openApiKeysPage(project.id)
    // The heading comes before the list loads: wait for the empty state rather than read it once.
    await page.getByText('No key yet.').waitFor()
    // Each scope is offered with a sentence saying what it allows.
    for (const scope of ['Read', 'Write', 'Admin'])
      expect(await page.getByRole('radio', { name: new RegExp(`^${scope}:`) }).count()).toBe(1)
    expect(await page.getByRole('radio', { name: /^Read:/ }).isChecked()).toBe(true)

    const key = await createKey(page, 'CRM sync', 'Write')
    expect(key).toMatch(/^rq_[A-Za-z0-9_-]{43}$/)
    const region = page.getByRole('region', { name: 'New API key CRM sync' })
    expect(await region.innerText()).toContain('shown only once')
    await page.getByRole('button', { name: 'Copy API key CRM sync' }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)

    const row = page.getByRole('listitem').filter({ hasText: 'CRM sync' })
    expect(await row.innerText()).toContain(`${key.slice(0, 11)}…`)
    expect(await row.innerText()).toContain('Write')
    expect(await row.innerText()).toContain('Never')

    // The key works, and once used the list says when.
    expect((await backlogWith(key, project.id)).status).toBe(200)
    await page.reload()
    await page.getByRole('heading', { level: 2, name: 'API keys' }).waitFor()
    await eventually(() => row.innerText()).not.toContain('Never')
    // Shown once: after a reload it is nowhere on the page, nor in the API's list.
    expect(await page.getByRole('region', { name: 'New API key CRM sync' }).count()).toBe(0)
    expect(await page.locator('body').innerText()).not.toContain(key)
    const listed = await world.server.adminFetch(`/v1/admin/projects/${project.id}/api-keys`)
    expect(JSON.stringify(await listed.json())).not.toContain(key)
  })

  it('asks before Revoke, does nothing on Cancel, then refuses the key at once', async () => {
    const { project } = await createProject(world, 'Revoking')
    const page = await openApiKeysPage(project.id)
    const key = await createKey(page, 'Old script', 'Read')
    await page.getByRole('button', { name: 'Copy API key Old script' }).click()
    expect((await backlogWith(key, project.id)).status).toBe(200)

    const revoke = page.getByRole('button', { name: 'Revoke Old script' })
    await revoke.click()
    const question = page.getByRole('group', { name: /Revoke Old script\?/ })
    await question.waitFor()
    await question.getByRole('button', { name: 'Cancel' }).click()
    await eventually(() => isFocused(revoke)).toBe(true)
    expect((await backlogWith(key, project.id)).status).toBe(200)

    await revoke.click()
    await page.getByRole('button', { name: 'Revoke key' }).click()
    await page.getByRole('status').filter({ hasText: 'Old script was revoked' }).waitFor()
    await page.getByText('No key yet.').waitFor()
    expect((await backlogWith(key, project.id)).status).toBe(401)
    const listed = await world.server.adminFetch(`/v1/admin/projects/${project.id}/api-keys`)
    expect(((await listed.json()) as ApiKeysResponse).apiKeys).toEqual([])
    // Focus is not lost with the row: it lands on the name field, to make another.
    await eventually(() => isFocused(page.getByLabel('Name', { exact: true }))).toBe(true)
  })

  it('has no serious axe violations and fits a 375 px phone, screenshots at 1280 and 375', async () => {
    const { project } = await createProject(world, 'Tally Books')
    const found: Record<string, string[]> = {}
    for (const width of [1280, 375]) {
      const page = await openApiKeysPage(project.id, { width, height: 900 })
      await createKey(page, `Zendesk bridge ${width}`, 'Admin')
      // Every state at once: a key shown once, the list, a pending Revoke.
      await page.getByRole('button', { name: `Revoke Zendesk bridge ${width}` }).click()
      await page.getByRole('group', { name: /Revoke Zendesk bridge/ }).waitFor()
      await page.waitForLoadState('networkidle')
      found[`api-keys-${width}`] = await seriousViolations(page)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-api-keys-${width}.png`),
        fullPage: true,
      })
      expect(await pastTheRightEdge(page, 'section.api-keys')).toEqual([])
      // The page guards the key it still shows (never copied) when leaving.
      await page.getByRole('button', { name: 'I stored it, hide the key' }).click()
    }
    expect(found).toEqual({ 'api-keys-1280': [], 'api-keys-375': [] })
  })
})
