// Issue 27 "Settings": the site owner turns the portal on or off, lets search engines index it,
// gives it a custom domain, the site URL links land on and the sign-in URL, in Settings › Portal,
// with the portal's address and a "View portal" link; a domain another project holds is said
// in words. The request drawer's "Copy public link" copies where a link to it lands. In Chromium
// on the built dashboard; axe at 1280 and 375 px, light and dark. Screenshots:
// test/e2e/screenshots/portal-settings-{1280,375}-{light,dark}.png.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AdminProject } from '../../src/shared/api'
import { seriousViolations } from './support/axe'
import { createProject, fileRequest } from './support/backend'
import { createOwnerThroughApi } from './support/dashboard'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const OWNER = { email: 'pia@example.com', name: 'Pia', password: 'correct horse battery' }

describe('Settings › Portal', () => {
  const world = useWorld()

  // The owner account is not what this file tests: it is made through the API.
  beforeAll(() => createOwnerThroughApi(world, OWNER))

  async function signedIn(
    hash: string,
    viewport = { width: 1280, height: 900 },
    colorScheme: 'light' | 'dark' = 'light',
  ): Promise<Page> {
    const { page } = await world.openPage({
      viewport,
      colorScheme,
      // axe is added as a script of its own; the dashboard's CSP rightly refuses it otherwise.
      bypassCSP: true,
      // The 409 a taken domain answers is an expected failed load.
      allowNetworkFailureLogs: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    page.setDefaultTimeout(15_000)
    await page.goto(`${world.server.url}/dashboard/`)
    await page.getByLabel('Email').fill(OWNER.email)
    await page.getByLabel('Password').fill(OWNER.password)
    await page.getByLabel('Password').press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor()
    await page.goto(`${world.server.url}/dashboard/#${hash}`)
    return page
  }

  async function stored(projectId: string): Promise<AdminProject['settings'] | undefined> {
    const res = await world.server.adminFetch('/v1/admin/projects')
    const { projects } = (await res.json()) as { projects: AdminProject[] }
    return projects.find((project) => project.id === projectId)?.settings
  }

  it('shows the portal’s address with View portal, and saves every setting', async () => {
    const { project } = await createProject(world, 'Acme')
    const page = await signedIn(`/projects/${project.id}/settings/portal`)
    await page.getByRole('heading', { level: 2, name: 'Portal' }).waitFor()
    const view = page.getByRole('link', { name: 'View portal' })
    expect(await view.getAttribute('href')).toBe(`${world.server.url}/p/${project.id}`)
    expect(await page.getByLabel('Portal is on').isChecked()).toBe(true)
    expect(await page.getByLabel('Let search engines index it').isChecked()).toBe(false)

    await page.getByLabel('Let search engines index it').check()
    await page.getByLabel('Custom domain').fill('Feedback.Acme.test')
    await page.getByLabel('Site URL').fill('https://app.acme.test/help')
    await page.getByLabel('Sign-in URL').fill('https://app.acme.test/reqio/sso')
    await page.getByRole('button', { name: 'Save portal settings' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    expect(await stored(project.id)).toMatchObject({
      siteUrl: 'https://app.acme.test/help',
      ssoUrl: 'https://app.acme.test/reqio/sso',
      portal: { enabled: true, indexable: true, domain: 'feedback.acme.test' },
    })
    // On its domain now, over the scheme Reqio is reached by.
    expect(await view.getAttribute('href')).toBe('http://feedback.acme.test/')
    expect(await page.getByLabel('Custom domain').inputValue()).toBe('feedback.acme.test')

    await page.getByLabel('Portal is on').uncheck()
    await page.getByRole('button', { name: 'Save portal settings' }).click()
    await page.getByText('The portal is off').waitFor()
    expect((await stored(project.id))?.portal.enabled).toBe(false)
    expect(await view.count()).toBe(0)
  })

  it('says what is wrong before saving, and names a domain another project holds', async () => {
    const other = await createProject(world, 'Globex')
    const taken = await world.server.adminFetch(`/v1/admin/projects/${other.project.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { portal: { domain: 'ideas.shared.test' } } }),
    })
    expect(taken.status).toBe(200)
    const { project } = await createProject(world, 'Initech')
    const page = await signedIn(`/projects/${project.id}/settings/portal`)
    const save = page.getByRole('button', { name: 'Save portal settings' })

    await page.getByLabel('Site URL').fill('app.initech.test')
    await page.getByText('Type a whole address starting with https://').waitFor()
    expect(await page.getByLabel('Site URL').getAttribute('aria-invalid')).toBe('true')
    expect(await save.isDisabled()).toBe(true)
    await page.getByLabel('Site URL').fill('')

    await page.getByLabel('Custom domain').fill('https://ideas.shared.test/')
    await page.getByText('Type a host name only').waitFor()
    await page.getByLabel('Custom domain').fill('ideas.shared.test')
    await save.click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toContain(
      'Another project already uses ideas.shared.test for its portal',
    )
    expect((await stored(project.id))?.portal.domain).toBeNull()
  })

  it('reads cleanly to axe at 1280 and 375 px, light and dark, with no sideways scroll', async () => {
    const { project } = await createProject(world, 'Umbrella')
    for (const [width, height] of [
      [1280, 900],
      [375, 812],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await signedIn(
          `/projects/${project.id}/settings/portal`,
          { width, height },
          scheme,
        )
        await page.getByLabel('Custom domain').waitFor()
        await page.getByLabel('Site URL').fill('not a url')
        await page.getByText('Type a whole address').waitFor()
        expect(await seriousViolations(page), `${width} ${scheme}`).toEqual([])
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow, `${width} ${scheme}`).toBeLessThanOrEqual(0)
        await page.screenshot({
          path: join(SCREENSHOT_DIR, `portal-settings-${width}-${scheme}.png`),
          fullPage: true,
        })
        await page.context().close()
      }
    }
  })

  it('copies the link customers get from the request drawer: the site when set, else the portal', async () => {
    const { project } = await createProject(world, 'Hooli')
    const request = await fileRequest(world, project.id, 'Dark mode')
    const page = await signedIn(`/projects/${project.id}/requests/${request.id}`, {
      width: 375,
      height: 812,
    })
    const copy = page.getByRole('button', { name: 'Copy public link to this request' })
    await copy.click()
    // Beside Copy link and Close, on a phone too, without pushing the drawer sideways.
    const drawerOverflow = await page.evaluate(() =>
      [...document.querySelectorAll('.drawer-header, .drawer-actions')].some(
        (element) => element.scrollWidth > element.clientWidth,
      ),
    )
    expect(drawerOverflow).toBe(false)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portal-public-link-drawer-375.png') })
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${world.server.url}/p/${project.id}/requests/${request.id}`,
    )

    const res = await world.server.adminFetch(`/v1/admin/projects/${project.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { siteUrl: 'https://app.hooli.test/?tab=1' } }),
    })
    expect(res.status).toBe(200)
    await page.reload()
    await page.getByRole('button', { name: 'Copy public link to this request' }).click()
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      `https://app.hooli.test/?tab=1&reqio-request=${request.id}`,
    )
  })
})
