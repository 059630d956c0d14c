// axe-core inside the widget's shadow root, in every view, light and dark: no serious or
// critical violation. `@axe-core/playwright` wants Node 22, so axe.min.js is injected as is.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seriousOnly, type WidgetFinding, widgetFindings } from './support/axe'
import { createProject, fileRequest, tokenFor } from './support/backend'
import { widgetOf } from './support/widget'
import { SCREENSHOT_DIR, serveHostPage, useWorld } from './support/world'

describe('axe-core in every widget view', () => {
  const world = useWorld()

  it.each([
    ['light', '#4f46e5'],
    ['dark', '#f97316'],
  ])('finds no serious or critical violation in the %s theme', async (theme, accent) => {
    const created = await createProject(world)
    const projectId = created.project.id
    const dark = await fileRequest(world, projectId, 'Dark mode')
    const csv = await fileRequest(world, projectId, 'CSV export')
    await fileRequest(world, projectId, 'Slack alerts')
    for (const [id, status] of [
      [csv.id, 'done'],
      [dark.id, 'planned'],
    ]) {
      const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}/requests/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ status }),
      })
      expect(res.status).toBe(200)
    }
    const entry = await world.server.adminFetch(`/v1/admin/projects/${projectId}/changelog`, {
      method: 'POST',
      body: JSON.stringify({
        title: 'CSV export is here',
        body: 'Export any list.',
        publish: true,
      }),
    })
    expect(entry.status).toBe(201)

    const { page } = await world.openPage()
    await page.goto(
      serveHostPage(world, {
        projectId,
        attributes: `data-theme="${theme}" data-accent="${accent}"`,
      }),
    )
    const widget = widgetOf(page)
    const found: Record<string, WidgetFinding[]> = {}
    const check = async (view: string) => {
      found[view] = seriousOnly(await widgetFindings(page))
      await page.screenshot({ path: join(SCREENSHOT_DIR, `axe-${theme}-${view}.png`) })
    }

    await check('closed')
    // The focus ring: white inside, near-black outside, so one of them is >= 3:1 on any page.
    const launcher = widget.root.getByRole('button', { name: /^Feedback/ })
    await launcher.focus()
    expect(
      await launcher.evaluate((b) => {
        const style = getComputedStyle(b)
        return [b.matches(':focus-visible'), style.outlineColor, style.boxShadow]
      }),
    ).toEqual([true, 'rgb(255, 255, 255)', 'rgb(31, 35, 40) 0px 0px 0px 4px'])
    await widget.root.getByRole('button', { name: /^Feedback/ }).click()
    await widget.voteButton('Slack alerts').waitFor()
    await check('board')
    await widget.voteButton('Slack alerts').click()
    const voted = widget.dialog.getByRole('button', { name: 'Vote for Slack alerts: 2' })
    await voted.waitFor()
    // Voted shows in the shape, not only in colour.
    expect(await voted.evaluate((b) => getComputedStyle(b, '::before').content)).toBe('"✓"')
    await check('board-voted')

    await widget.suggest.click()
    await widget.title.fill('x'.repeat(170))
    await check('form-too-long')
    await widget.dialog.getByRole('button', { name: 'Back' }).click()

    await widget.dialog.getByRole('button', { name: 'Dark mode', exact: true }).click()
    await widget.dialog.getByRole('heading', { name: 'Dark mode' }).waitFor()
    await check('request')
    await widget.dialog.getByRole('button', { name: 'Back' }).click()

    await widget.dialog.getByRole('tab', { name: 'Roadmap' }).click()
    await widget.dialog.getByRole('tabpanel').getByText('CSV export').first().waitFor()
    await check('roadmap')
    await widget.dialog.getByRole('tab', { name: 'What’s new' }).click()
    await widget.dialog.getByRole('article').waitFor()
    await check('whats-new')

    expect(found).toEqual({
      closed: [],
      board: [],
      'board-voted': [],
      'form-too-long': [],
      request: [],
      roadmap: [],
      'whats-new': [],
    })
  })

  it('finds no serious or critical violation in an identified user’s Updates and unread count', async () => {
    const created = await createProject(world)
    const projectId = created.project.id
    const token = await tokenFor(created, { sub: 'ann', email: 'ann@example.com' })
    const dark = await fileRequest(world, projectId, 'Dark mode', token)
    const res = await world.server.adminFetch(
      `/v1/admin/projects/${projectId}/requests/${dark.id}`,
      {
        method: 'PATCH',
        body: JSON.stringify({ status: 'planned', statusNote: 'Next month.' }),
      },
    )
    expect(res.status).toBe(200)
    await world.server.drainJobs()

    const { page } = await world.openPage()
    await page.goto(serveHostPage(world, { projectId, token }))
    const widget = widgetOf(page)
    const found: Record<string, WidgetFinding[]> = {}
    const check = async (view: string) => {
      found[view] = seriousOnly(await widgetFindings(page))
      await page.screenshot({ path: join(SCREENSHOT_DIR, `axe-updates-${view}.png`) })
    }
    await widget.root.getByRole('img', { name: '1 new for you' }).waitFor()
    await check('launcher-unread')
    await widget.root.getByRole('button', { name: /^Feedback/ }).click()
    await widget.dialog.getByRole('tab', { name: 'Updates' }).click()
    await widget.dialog.getByText('Status changed').waitFor()
    await check('updates')
    // Reading them cleared the count, on screen and on the server.
    await widget.root.getByRole('img', { name: /new for you/ }).waitFor({ state: 'detached' })
    expect(found).toEqual({ 'launcher-unread': [], updates: [] })
  })

  it('fits 320 px in French with the controls and all four tabs in reach, as a full-width sheet', async () => {
    const created = await createProject(world)
    for (let i = 0; i < 12; i++) await fileRequest(world, created.project.id, `Idée numéro ${i}`)
    const { page } = await world.openPage({ viewport: { width: 320, height: 600 }, isMobile: true })
    // Identified, so the longest tab row there is: with Mises à jour.
    const token = await tokenFor(created, { sub: 'marie' })
    await page.goto(serveHostPage(world, { projectId: created.project.id, lang: 'fr', token }))
    const root = page.locator('reqio-widget')
    await root.getByRole('button', { name: 'Feedback' }).click()
    const dialog = root.getByRole('dialog')
    const search = dialog.getByRole('searchbox', { name: 'Rechercher' })
    await dialog.getByRole('button', { name: 'Suggérer une fonctionnalité' }).waitFor()
    await dialog.getByText('Idée numéro 11').waitFor()
    const sheet = await dialog.boundingBox()
    expect(sheet).toMatchObject({ x: 0, width: 320 })
    expect((await search.boundingBox())?.width).toBeGreaterThan(200)
    const scrollWidth = await dialog.evaluate((d) => d.scrollWidth)
    expect(scrollWidth).toBeLessThanOrEqual(320)
    const updatesTab = await dialog.getByRole('tab', { name: 'Mises à jour' }).boundingBox()
    expect(updatesTab && updatesTab.x >= 0 && updatesTab.x + updatesTab.width <= 320).toBe(true)
    // Scroll the list to the end: search and sort stay on screen.
    await dialog.locator('.body').evaluate((body) => {
      body.scrollTop = body.scrollHeight
    })
    const box = await search.boundingBox()
    expect(box && box.y >= (sheet?.y ?? 0) && box.y + box.height <= 600).toBe(true)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'widget-320-fr.png') })
    expect(seriousOnly(await widgetFindings(page))).toEqual([])
  })
})
