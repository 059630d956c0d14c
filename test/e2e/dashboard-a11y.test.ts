// Issue 19 in Chromium: an axe-core scan of every dashboard page and the request drawer
// (zero serious or critical violations), and a screenshot of each in test/e2e/screenshots.
// The keyboard-only paths are in dashboard-keyboard.test.ts.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe'
import { createProject, fileRequest, tokenFor, voteThroughApi } from './support/backend'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

describe('the dashboard, scanned and by keyboard', () => {
  const world = useWorld()

  it('has no serious or critical axe violations on any page or in the drawer', async () => {
    const created = await createProject(world, 'Initech')
    const { project } = created
    const pro = await tokenFor(created, {
      sub: 'pat',
      email: 'pat@initech.example',
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
    })
    const sso = await fileRequest(world, project.id, 'Single sign-on', pro)
    await fileRequest(world, project.id, 'Dark mode')
    await fileRequest(world, project.id, 'Custom date ranges for every report and export', pro)
    await voteThroughApi(world, project.id, sso.id, await tokenFor(created, { sub: 'sam' }))

    // axe is injected as a script: this context lets it past the dashboard's strict CSP.
    const { page } = await world.openPage({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    })
    await page.goto(`${world.server.url}/dashboard`)
    const found: Record<string, string[]> = {}
    const scan = async (name: string) => {
      await page.waitForLoadState('networkidle')
      found[name] = await seriousViolations(page)
      await page.screenshot({ path: join(SCREENSHOT_DIR, `dashboard-${name}.png`), fullPage: true })
    }

    await page.getByLabel('Admin token').waitFor()
    await scan('first-start')
    await page.getByLabel('Admin token').fill(world.server.adminToken)
    await page.getByLabel('Email').fill('olive@example.com')
    await page.getByLabel('Name').fill('Olive')
    await page.getByLabel('Password').fill('correct horse battery')
    await page.getByRole('button', { name: 'Create the owner account' }).click()
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor()
    await scan('projects')

    await page.getByRole('button', { name: 'Initech' }).click()
    for (const [tab, name] of [
      ['Install', 'install'],
      ['Backlog', 'backlog'],
      ['Companies', 'companies'],
      ['Changelog', 'changelog'],
      ['Roadmap', 'roadmap'],
      ['Identity', 'identity'],
      ['Project', 'settings'],
      ['Audit log', 'audit'],
      ['Webhooks & mail', 'notifications'],
    ] as const) {
      // The settings pages are links in the Settings tab's own navigation.
      const inSettings = ['identity', 'settings', 'audit', 'notifications'].includes(name)
      if (inSettings) {
        await page.getByRole('tab', { name: 'Settings' }).click()
        await page
          .getByRole('navigation', { name: 'Settings' })
          .getByRole('link', { name: tab, exact: true })
          .click()
      } else await page.getByRole('tab', { name: tab }).click()
      await eventually(() =>
        inSettings
          ? page.getByRole('link', { name: tab, exact: true }).getAttribute('aria-current')
          : page.getByRole('tab', { name: tab }).getAttribute('aria-selected'),
      ).toBe(inSettings ? 'page' : 'true')
      await scan(name)
      if (name === 'backlog') {
        // Every chart label lies inside the chart (none clipped at its edges).
        const boxes = await page.locator('.mrr-chart svg').evaluate((svg) => {
          const outer = svg.getBoundingClientRect()
          return [...svg.querySelectorAll('text')].map((text) => {
            const box = text.getBoundingClientRect()
            return box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5
          })
        })
        expect(boxes.length).toBeGreaterThan(0)
        expect(boxes.every(Boolean)).toBe(true)
        await page
          .getByRole('table', { name: 'Backlog' })
          .getByRole('button', { name: 'Single sign-on' })
          .click()
        await page.getByRole('dialog', { name: 'Request: Single sign-on' }).waitFor()
        await scan('request-drawer')
        // The drawer is modal: it closes before the next tab is clicked.
        await page.keyboard.press('Escape')
      }
      if (name === 'identity') {
        // The once-shown secret, then hidden again so leaving asks nothing.
        await page.getByRole('button', { name: 'Generate secret' }).click()
        await page.getByRole('region', { name: 'New signing secret' }).waitFor()
        await scan('identity-secret')
        await page.getByRole('button', { name: 'I stored it, hide the secret' }).click()
      }
    }
    // A request's shared link opens the backlog with its drawer.
    await page.goto(`${world.server.url}/dashboard/p/${project.id}/requests/${sso.id}`)
    await page.getByRole('dialog', { name: 'Request: Single sign-on' }).waitFor()
    await scan('request-link')
    await page.goto(`${world.server.url}/dashboard/#/members`)
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
    await scan('members')
    await page.goto(`${world.server.url}/dashboard/#/account`)
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
    await scan('account')

    // Signed out: the sign-in page, and an invite link.
    const invited = await world.server.adminFetch('/v1/admin/invites', {
      method: 'POST',
      body: JSON.stringify({ email: 'sam@initech.example', role: 'viewer' }),
    })
    const { invite } = (await invited.json()) as { invite: { url: string } }
    const stranger = await world.openPage({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    })
    const signIn = stranger.page
    await signIn.goto(`${world.server.url}/dashboard/`)
    await signIn.getByRole('heading', { level: 1, name: 'Reqio dashboard' }).waitFor()
    found['sign-in'] = await seriousViolations(signIn)
    await signIn.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-sign-in.png'), fullPage: true })
    await signIn.goto(invite.url)
    await signIn.getByText('sam@initech.example').waitFor()
    await signIn.waitForLoadState('networkidle')
    found['accept-invite'] = await seriousViolations(signIn)
    await signIn.screenshot({
      path: join(SCREENSHOT_DIR, 'dashboard-accept-invite.png'),
      fullPage: true,
    })

    const total = Object.values(found).flat()
    console.log(
      `axe: ${Object.keys(found).length} views scanned, ${total.length} serious or critical violations`,
    )
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])))
  }, 120_000)
})
