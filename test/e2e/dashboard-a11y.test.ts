// Issue 19 in Chromium: an axe-core scan of every dashboard page and the request drawer
// (zero serious or critical violations), a screenshot of each, and a keyboard-only path
// through install and triage.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createProject, fileRequest, tokenFor, voteThroughApi } from './support/backend'
import { eventually, SCREENSHOT_DIR, useWorld } from './support/world'

const AXE_PATH = join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** Runs axe-core on the page as it stands; answers the serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } })
      .axe
    return (await axe.run()).violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
}

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
      ['Settings › Identity', 'identity'],
      ['Settings › Project', 'settings'],
      ['Audit log', 'audit'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click()
      await eventually(() =>
        page.getByRole('tab', { name: tab }).getAttribute('aria-selected'),
      ).toBe('true')
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
        await page.getByRole('region', { name: 'Request: Single sign-on' }).waitFor()
        await scan('request-drawer')
      }
    }
    await page.goto(`${world.server.url}/dashboard/#/members`)
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
    await scan('members')
    await page.goto(`${world.server.url}/dashboard/#/account`)
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
    await scan('account')

    const total = Object.values(found).flat()
    console.log(
      `axe: ${Object.keys(found).length} views scanned, ${total.length} serious or critical violations`,
    )
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])))
  }, 120_000)

  it('goes from Install to a triaged request by keyboard alone', async () => {
    const created = await createProject(world, 'Keyboard Co')
    const { project } = created
    await fileRequest(world, project.id, 'Export to PDF')
    const { page } = await world.openPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${world.server.url}/dashboard`)
    await page.getByLabel('Password').waitFor()
    // The owner exists from the first test: sign in with the password, by keyboard.
    await page.getByLabel('Email').focus()
    await page.keyboard.type('olive@example.com')
    await page.keyboard.press('Tab')
    await page.keyboard.type('correct horse battery')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor()
    await page.goto(`${world.server.url}/dashboard/#/projects/${project.id}/install`)

    const install = page.getByRole('tab', { name: 'Install' })
    await install.focus()
    await page.keyboard.press('ArrowRight')
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Backlog')
    const row = page
      .getByRole('table', { name: 'Backlog' })
      .getByRole('button', { name: 'Export to PDF' })
    await row.focus()
    await page.keyboard.press('Enter')
    const drawer = page.getByRole('region', { name: 'Request: Export to PDF' })
    await eventually(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2')
    await drawer.getByRole('combobox', { name: /^Status/ }).focus()
    await page.keyboard.press('ArrowDown')
    await eventually(() => drawer.getByRole('status').first().innerText()).toBe('Status saved.')
    await page.keyboard.press('Escape')
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Export to PDF',
    )
    await eventually(() =>
      page.getByRole('table', { name: 'Backlog' }).getByRole('row').nth(1).innerText(),
    ).toContain('Planned')
  }, 60_000)
})
