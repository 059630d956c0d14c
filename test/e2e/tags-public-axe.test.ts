// Tags where customers see them (spec v3 "Tags"), in Chromium: the widget's board with its chips
// and tag filter, and the portal's board narrowed by a tag link, light and dark; axe-core finds
// no serious or critical violation, and nothing scrolls sideways at 375 px.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seriousOnly, seriousViolations, type WidgetFinding, widgetFindings } from './support/axe'
import { createProject, fileRequest } from './support/backend'
import { widgetOf } from './support/widget'
import { SCREENSHOT_DIR, serveHostPage, useWorld, type World } from './support/world'

/** A board whose requests carry tags in a light, a dark and a mid colour. */
async function taggedBoard(world: World) {
  const { project } = await createProject(world, 'Tagged')
  const admin = async (path: string, body: unknown, method = 'POST') => {
    const res = await world.server.adminFetch(`/v1/admin/projects/${project.id}${path}`, {
      method,
      body: JSON.stringify(body),
    })
    expect(res.status).toBeLessThan(300)
    return res.json() as Promise<{ tag: { id: string } }>
  }
  const billing = (await admin('/tags', { name: 'Billing', color: '#1d4ed8' })).tag
  const mobile = (await admin('/tags', { name: 'Mobile', color: '#fde047' })).tag
  const api = (await admin('/tags', { name: 'API', color: '#6b7280' })).tag
  const pdf = await fileRequest(world, project.id, 'Invoices as PDF')
  const phone = await fileRequest(world, project.id, 'Invoices on the phone')
  await fileRequest(world, project.id, 'Dark mode')
  await admin(`/requests/${pdf.id}`, { tagIds: [billing.id, api.id] }, 'PATCH')
  await admin(`/requests/${phone.id}`, { tagIds: [billing.id, mobile.id] }, 'PATCH')
  return { projectId: project.id, mobile }
}

describe('tags on the public board', () => {
  const world = useWorld({ demo: false })

  it.each(['light', 'dark'] as const)(
    'the widget’s chips and tag filter have no serious violation in the %s theme',
    async (theme) => {
      const { projectId } = await taggedBoard(world)
      const { page } = await world.openPage({ viewport: { width: 375, height: 800 } })
      await page.goto(serveHostPage(world, { projectId, attributes: `data-theme="${theme}"` }))
      const widget = widgetOf(page)
      await widget.root.getByRole('button', { name: /^Feedback/ }).click()
      await widget.voteButton('Dark mode').waitFor()
      const filter = widget.dialog.getByRole('combobox', { name: 'Tag' })
      await filter.selectOption({ label: 'Billing' })
      await widget.dialog.getByRole('button', { name: 'Dark mode', exact: true }).waitFor({
        state: 'detached',
      })
      const found: WidgetFinding[] = seriousOnly(await widgetFindings(page))
      await page.screenshot({ path: join(SCREENSHOT_DIR, `widget-tags-${theme}-375.png`) })
      expect(found).toEqual([])
    },
  )

  it('the portal’s tag filter and chips have no serious violation at 375 px, light and dark', async () => {
    const { projectId, mobile } = await taggedBoard(world)
    const found: Record<string, string[]> = {}
    const sideways: Record<string, number> = {}
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await world.openPage({
        viewport: { width: 375, height: 800 },
        colorScheme,
        bypassCSP: true,
      })
      for (const [name, query] of [
        ['board', ''],
        ['mobile', `?tag=${mobile.id}`],
      ] as const) {
        await page.goto(`${world.server.url}/p/${projectId}${query}`)
        await page.waitForLoadState('networkidle')
        const key = `${name}-${colorScheme}`
        found[key] = await seriousViolations(page)
        sideways[key] = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        await page.screenshot({
          path: join(SCREENSHOT_DIR, `portal-tags-${key}.png`),
          fullPage: true,
        })
      }
      expect(await page.locator('.row-title').allInnerTexts()).toEqual(['Invoices on the phone'])
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])))
    expect(sideways).toEqual(Object.fromEntries(Object.keys(sideways).map((key) => [key, 0])))
  })
})
