// Issue 27 in Chromium: every portal page at 375 px, light and dark, scanned by axe-core (zero
// serious or critical violations) with a screenshot of each in test/e2e/screenshots; no
// sideways scroll; and the board used with JavaScript off (read, suggest, land on the request).
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe'
import { createProject, fileRequest, tokenFor, voteThroughApi } from './support/backend'
import { SCREENSHOT_DIR, useWorld, type World } from './support/world'

/**
 * portal.js is portal-script's build: the real one when the server has it, else an empty
 * script, so these pages are checked as they are either way.
 */
async function servePortalScript(world: World, page: Page): Promise<void> {
  const res = await fetch(`${world.server.url}/portal.js`)
  await res.arrayBuffer()
  if (res.ok && /javascript/.test(res.headers.get('content-type') ?? '')) return
  await page.route('**/portal.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
  )
}

describe('the portal in Chromium', () => {
  const world = useWorld({ demo: false })

  it('has no serious or critical axe violations on any page at 375 px, light and dark', async () => {
    const created = await createProject(world, 'Initech')
    const { project } = created
    const ann = await tokenFor(created, { sub: 'ann' })
    const sso = await fileRequest(world, project.id, 'Single sign-on for every workspace', ann)
    const dark = await fileRequest(world, project.id, 'Dark mode')
    await fileRequest(world, project.id, 'Export every report as CSV, including the custom ones')
    await voteThroughApi(world, project.id, sso.id, await tokenFor(created, { sub: 'sam' }))
    const admin = (path: string, body: unknown, method = 'POST') =>
      world.server.adminFetch(`/v1/admin/projects/${project.id}${path}`, {
        method,
        body: JSON.stringify(body),
      })
    await admin(
      `/requests/${sso.id}`,
      { status: 'planned', statusNote: 'Starting in May.' },
      'PATCH',
    )
    await admin(`/requests/${sso.id}/comments`, { body: 'We are on it.' })
    await fetch(`${world.server.url}/v1/projects/${project.id}/requests/${sso.id}/comments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ann}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'Our IT team needs this before the renewal.' }),
    })
    await admin('/changelog', {
      title: 'Dark mode is here',
      body: 'Switch in **Settings › Appearance**. [Read more](https://example.com/dark).',
      requestIds: [dark.id],
      publish: true,
    })

    const pages = [
      ['board', ''],
      ['request', `/requests/${sso.id}`],
      ['roadmap', '/roadmap'],
      ['changelog', '/changelog'],
      ['not-found', '/requests/no-such-request'],
    ] as const
    const found: Record<string, string[]> = {}
    const sideways: Record<string, number> = {}
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is injected as a script: this context lets it past the portal's strict CSP.
      const { page } = await world.openPage({
        viewport: { width: 375, height: 800 },
        colorScheme,
        bypassCSP: true,
        // The not-found page is a 404 on purpose: Chromium logs it.
        allowNetworkFailureLogs: true,
      })
      await servePortalScript(world, page)
      for (const [name, path] of pages) {
        await page.goto(`${world.server.url}/p/${project.id}${path}`)
        await page.waitForLoadState('networkidle')
        const key = `${name}-${colorScheme}`
        found[key] = await seriousViolations(page)
        sideways[key] = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        await page.screenshot({ path: join(SCREENSHOT_DIR, `portal-${key}.png`), fullPage: true })
      }
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])))
    expect(sideways).toEqual(Object.fromEntries(Object.keys(sideways).map((key) => [key, 0])))
  })

  it('works with JavaScript off: read the board, suggest a request, land on its page', async () => {
    const { project } = await createProject(world, 'Globex')
    await fileRequest(world, project.id, 'Slack alerts')
    const { page } = await world.openPage({
      viewport: { width: 375, height: 800 },
      javaScriptEnabled: false,
      // German from the browser's Accept-Language, on every page the forms lead to.
      locale: 'de-DE',
    })
    await page.goto(`${world.server.url}/p/${project.id}`)
    await page.getByRole('link', { name: 'Slack alerts' }).waitFor()
    expect(await page.getByText('1 Wunsch').count()).toBe(1)
    await page.getByLabel('Titel').fill('Offline-Modus')
    await page.getByRole('button', { name: 'Senden' }).click()
    await page.getByRole('heading', { level: 1, name: 'Offline-Modus' }).waitFor()
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/p/${project.id}/requests/`))
    // Back on the board, the new request is listed and the visitor's own vote is shown.
    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click()
    await page.getByRole('link', { name: 'Offline-Modus' }).waitFor()
    expect(await page.getByText('2 Wünsche').count()).toBe(1)
    const vote = page.getByRole('button', { name: 'Für Offline-Modus stimmen: 1' })
    expect(await vote.getAttribute('aria-pressed')).toBe('true')
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'portal-board-no-js-de.png'),
      fullPage: true,
    })
  })
})
