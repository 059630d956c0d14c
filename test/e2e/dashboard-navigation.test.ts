// Issue 26 in Chromium, on the built dashboard: the project's navigation (seven tabs on one row,
// the settings grouped under Settings with their own navigation, old links still working),
// nothing scrolling sideways at 375 px, the backlog usable on a phone, bug 7 (where the admin
// token is) and bug 8 (a member's "Set up identity"). axe scans every new view at both widths,
// and each is saved in test/e2e/screenshots as dashboard-nav-<view>-<width>.png.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe'
import { createProject, fileRequest, tokenFor } from './support/backend'
import { createOwnerThroughApi, signedInPage } from './support/dashboard'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const OWNER = { email: 'olive@example.com', name: 'Olive', password: 'correct horse battery' }
const WIDE = { width: 1280, height: 900 }
const PHONE = { width: 375, height: 800 }

/** How far the page reaches past the window's right edge (0: nothing scrolls sideways). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
}

describe('the project navigation and the dashboard on a phone', () => {
  const world = useWorld()

  /** The owner account, made once through the API (the setup page is the first test's subject). */
  let ownerReady: Promise<void> | null = null
  function ensureOwner(): Promise<void> {
    ownerReady ??= createOwnerThroughApi(world, OWNER)
    return ownerReady
  }

  async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
    await ensureOwner()
    // axe is injected as a script: bypassCSP lets it past the dashboard's strict CSP.
    return signedInPage(world, OWNER, { viewport, bypassCSP: true })
  }

  it('bug 7: the setup page says where the admin token is, not that it was printed', async () => {
    const { page } = await world.openPage({ viewport: WIDE })
    await page.goto(`${world.server.url}/dashboard/`)
    const token = page.getByLabel('Admin token')
    await token.waitFor()
    // The hint under the field (the first one in the form).
    const where = await page.locator('form p.hint').first().innerText()
    expect(where).not.toMatch(/printed it/i)
    expect(where).toContain('$REQIO_DATA_DIR/admin-token')
    expect(where).toContain('REQIO_ADMIN_TOKEN')
    expect(where).toContain('cat .reqio/admin-token')
    // The hint is the field's description, so a screen reader hears it with the field.
    expect(await token.getAttribute('aria-describedby')).toBe('setup-token-where')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-nav-setup-1280.png') })
  })

  it('puts seven tabs on one row and the settings in a Settings area, with old links still opening their page', async () => {
    const created = await createProject(world, 'Initech')
    const { project } = created
    const pat = await tokenFor(created, {
      sub: 'pat',
      email: 'pat@initech.example',
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
    })
    await fileRequest(world, project.id, 'Single sign-on', pat)
    await fileRequest(world, project.id, 'Dark mode')
    const page = await signedIn(WIDE)
    const found: Record<string, string[]> = {}
    const scan = async (name: string) => {
      await page.waitForLoadState('networkidle')
      found[name] = await seriousViolations(page)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-nav-${name}-1280.png`),
        fullPage: true,
      })
    }

    await page.getByRole('button', { name: 'Initech' }).click()
    const tabs = page.getByRole('tab')
    // allInnerTexts does not wait: the project page must be there first.
    await page.getByRole('tab', { name: 'Settings' }).waitFor()
    expect(await tabs.allInnerTexts()).toEqual([
      'Install',
      'Backlog',
      'Companies',
      'People',
      'Changelog',
      'Roadmap',
      'Settings',
    ])
    const tops = await tabs.evaluateAll((all) => all.map((tab) => tab.getBoundingClientRect().top))
    expect(new Set(tops).size).toBe(1)
    await scan('install')
    // The backlog at a desktop width keeps all its columns. Its answer is held back a moment,
    // as on a busy server: the headers are read once the table is there, not before.
    const backlogCalls = `**/projects/${project.id}/backlog?**`
    await page.route(backlogCalls, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500))
      await route.continue()
    })
    await page.getByRole('tab', { name: 'Backlog' }).click()
    const table = page.getByRole('table', { name: 'Backlog' })
    await table.getByRole('row', { name: /Single sign-on/ }).waitFor()
    // The page may have a second backlog call on hold (the approval queue's count): let it end.
    await page.unrouteAll({ behavior: 'wait' })
    // First the column of tick boxes for bulk actions (tags, delete), headed by "Select all".
    const headers = table.getByRole('columnheader')
    await expect
      .poll(() => table.getByRole('checkbox', { name: 'Select all requests' }).count())
      .toBe(1)
    expect(await headers.allInnerTexts()).toEqual([
      '',
      'Request',
      'MRR',
      'At risk',
      'Accounts',
      'Votes',
      'Status',
      'Comments',
      'Submitted by',
    ])
    await scan('backlog')

    // The Settings tab opens its first page; the navigation lists only pages that exist.
    await page.getByRole('tab', { name: 'Settings' }).click()
    const settingsNav = page.getByRole('navigation', { name: 'Settings' })
    await settingsNav.getByRole('link', { name: 'Audit log' }).waitFor()
    expect(await settingsNav.getByRole('link').allInnerTexts()).toEqual([
      'Identity',
      'Project',
      'Widget',
      'Portal',
      'Tags',
      'Webhooks & mail',
      'Integrations',
      'API keys',
      'Revenue',
      'Audit log',
    ])
    for (const [link, slug] of [
      ['Identity', 'identity'],
      ['Project', 'project'],
      ['Widget', 'widget'],
      ['Portal', 'portal'],
      ['Tags', 'tags'],
      ['Webhooks & mail', 'notifications'],
      ['Integrations', 'integrations'],
      ['API keys', 'api-keys'],
      ['Revenue', 'revenue'],
      ['Audit log', 'audit'],
    ] as const) {
      await settingsNav.getByRole('link', { name: link, exact: true }).click()
      await page.getByRole('heading', { level: 2, name: link, exact: true }).waitFor()
      expect(
        await settingsNav
          .getByRole('link', { name: link, exact: true })
          .getAttribute('aria-current'),
      ).toBe('page')
      expect(new URL(page.url()).hash).toBe(`#/projects/${project.id}/settings/${slug}`)
      expect(await page.getByRole('tab', { selected: true }).innerText()).toBe('Settings')
      await scan(`settings-${slug}`)
    }

    // Links from before the Settings area open the same page, and the address bar the new form.
    for (const [old, slug, heading] of [
      ['identity', 'identity', 'Identity'],
      ['settings', 'project', 'Project'],
      ['audit', 'audit', 'Audit log'],
      ['notifications', 'notifications', 'Webhooks & mail'],
    ] as const) {
      await page.goto(`${world.server.url}/dashboard/#/projects/${project.id}/${old}`)
      await page.reload()
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor()
      await eventually(() => new URL(page.url()).hash).toBe(
        `#/projects/${project.id}/settings/${slug}`,
      )
    }
    // Back goes to the page before, as with any link.
    await page.goBack()
    await page.getByRole('heading', { level: 2, name: 'Audit log', exact: true }).waitFor()

    const total = Object.values(found).flat()
    console.log(`axe at 1280 px: ${Object.keys(found).length} views, ${total.length} serious`)
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])))
  }, 120_000)

  it('scrolls no page sideways at 375 px, and the backlog reads on a phone', async () => {
    const created = await createProject(world, 'Phone Co')
    const { project } = created
    const pro = await tokenFor(created, {
      sub: 'pat',
      email: 'patricia.long-surname@a-company-with-a-long-domain.example',
      traits: { plan: 'enterprise', amount: 99900, interval: 'month' },
    })
    await fileRequest(
      world,
      project.id,
      'Export every report to a spreadsheet with the filters applied',
      pro,
    )
    await fileRequest(world, project.id, 'Dark mode')
    const page = await signedIn(PHONE)
    const found: Record<string, string[]> = {}
    const overflow: Record<string, number> = {}
    const check = async (name: string) => {
      await page.waitForLoadState('networkidle')
      overflow[name] = await sidewaysOverflow(page)
      found[name] = await seriousViolations(page)
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `dashboard-nav-${name}-375.png`),
        fullPage: true,
      })
    }

    await check('projects')
    const base = `${world.server.url}/dashboard/#/projects/${project.id}`
    for (const tab of ['install', 'backlog', 'companies', 'changelog', 'roadmap']) {
      await page.goto(`${base}/${tab}`)
      await page.getByRole('tab', { selected: true }).waitFor()
      await check(tab)
      if (tab === 'backlog') {
        // Title, MRR and votes as columns; status, comments and who asked in a line under it.
        const table = page.getByRole('table', { name: 'Backlog' })
        const headers = await table.getByRole('columnheader').evaluateAll((all) =>
          all
            // The tick boxes for bulk actions stay on a phone too; their column has no words.
            .filter(
              (th) => th.getBoundingClientRect().width > 0 && !th.classList.contains('select'),
            )
            .map((th) => th.textContent),
        )
        expect(headers).toEqual(['Request', 'MRR', 'Votes'])
        const row = table.getByRole('row').filter({ hasText: 'Export every report' })
        expect(await row.innerText()).toContain('$999.00')
        expect(await row.innerText()).toContain('Open')
        expect(await row.innerText()).toContain('0 comments')
        // The title opens the request: a finger-sized target.
        const title = table.getByRole('button', { name: /^Export every report/ })
        expect((await title.boundingBox())?.height).toBeGreaterThanOrEqual(24)
      }
    }
    for (const section of [
      'identity',
      'project',
      'widget',
      'tags',
      'notifications',
      'integrations',
      'api-keys',
      'revenue',
      'audit',
    ]) {
      await page.goto(`${base}/settings/${section}`)
      await page.getByRole('navigation', { name: 'Settings' }).waitFor()
      await page.getByRole('heading', { level: 2 }).first().waitFor()
      await check(`settings-${section}`)
    }
    for (const team of ['members', 'account']) {
      await page.goto(`${world.server.url}/dashboard/#/${team}`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await check(team)
    }

    console.log(`sideways overflow at 375 px (px): ${JSON.stringify(overflow)}`)
    const total = Object.values(found).flat()
    console.log(`axe at 375 px: ${Object.keys(found).length} views, ${total.length} serious`)
    expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((name) => [name, 0])))
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])))
  }, 180_000)

  it('bug 8: a member is told who sets up identity instead of a button that does nothing', async () => {
    const { project } = await createProject(world, 'Members Co')
    await ensureOwner()
    const invited = await world.server.adminFetch('/v1/admin/invites', {
      method: 'POST',
      body: JSON.stringify({ email: 'sam@example.com', role: 'member' }),
    })
    const { invite } = (await invited.json()) as { invite: { url: string } }
    const { page } = await world.openPage({ viewport: WIDE, bypassCSP: true })
    await page.goto(invite.url)
    await page.getByLabel('Your name').fill('Sam')
    await page.getByLabel('Password').fill('sams own password')
    await page.getByRole('button', { name: 'Join' }).click()
    await page.getByRole('button', { name: 'Sam (member)' }).waitFor()

    await page.goto(`${world.server.url}/dashboard/#/projects/${project.id}/install`)
    await page.getByRole('heading', { level: 2, name: 'Install the widget' }).waitFor()
    expect(await page.getByRole('button', { name: 'Set up identity' }).count()).toBe(0)
    expect(await page.getByRole('note').innerText()).toContain(
      'Only an admin or owner can set up identity',
    )
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-nav-member-install-1280.png') })

    // A link to Identity from an owner: the member's Settings list it not, and say why.
    await page.goto(`${world.server.url}/dashboard/#/projects/${project.id}/settings/identity`)
    const settingsNav = page.getByRole('navigation', { name: 'Settings' })
    await settingsNav.waitFor()
    expect(await settingsNav.getByRole('link').allInnerTexts()).toEqual([
      'Project',
      'Widget',
      'Portal',
      'Tags',
      'Audit log',
    ])
    expect(await page.getByRole('note').innerText()).toContain('admin or owner role')
    expect(await page.getByRole('button', { name: 'Generate secret' }).count()).toBe(0)
  })
})
