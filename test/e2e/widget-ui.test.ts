import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backlog, createProject, fileRequest } from './support/backend'
import { computedStyle, widgetOf } from './support/widget'
import {
  eventually,
  type ReqioWindow,
  SCREENSHOT_DIR,
  serveHostPage,
  useWorld,
} from './support/world'

const HOSTILE_CSS = `<style>
  * { color: red !important; font-size: 40px !important; font-family: serif !important;
      line-height: 3 !important; padding: 30px !important; background: yellow !important; }
</style>`

const WIDGET_LOOK = [
  'color',
  'font-size',
  'font-family',
  'font-weight',
  'line-height',
  'padding-top',
  'padding-left',
  'background-color',
  'border-top-width',
  'border-top-color',
  'border-top-left-radius',
] as const

const HOST_MARKUP = `<main>
  <h1 id="host-heading">Pricing</h1>
  <p id="host-text">Plans for every team.</p>
  <button id="host-button" type="button">Buy</button>
  <input id="host-input" aria-label="Coupon">
  <ul id="host-list"><li>One</li></ul>
</main>`

const HOST_LOOK = [
  'color',
  'font-size',
  'font-family',
  'line-height',
  'margin-top',
  'margin-left',
  'padding-top',
  'padding-left',
  'background-color',
  'border-top-width',
  'border-top-style',
  'border-top-left-radius',
  'box-sizing',
  'display',
  'position',
] as const

describe('the widget on screen', () => {
  const world = useWorld()

  it('submits a request and votes through the dialog by role and label', async () => {
    const { project } = await createProject(world)
    const filed = await fileRequest(world, project.id, 'Calendar sync')
    const { page } = await world.openPage({ viewport: { width: 1100, height: 760 } })
    await page.goto(serveHostPage(world, { projectId: project.id }))
    const widget = widgetOf(page)

    await widget.launcher.click()
    expect(await widget.launcher.getAttribute('aria-expanded')).toBe('true')
    await widget.suggest.click()
    await widget.title.fill('calendar syn')
    const similar = widget.dialog.getByRole('region', { name: 'Is it one of these?' })
    await similar.getByText('Calendar sync').waitFor()
    await widget.title.fill('Weekly email digest')
    await widget.details.fill('Every Monday, the top requests.')
    await widget.send.click()
    await eventually(() => widget.notice.innerText()).toBe('Thanks! Your request is in.')
    await widget.voteButton('Weekly email digest').waitFor()

    const vote = widget.voteButton('Calendar sync')
    await vote.click()
    await eventually(() => vote.getAttribute('aria-label')).toBe(
      `Vote for Calendar sync: ${filed.votes + 1}`,
    )
    expect(await vote.getAttribute('aria-pressed')).toBe('true')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'widget-open.png') })

    await eventually(() => backlog(world, project.id)).toHaveLength(2)
    const stored = await backlog(world, project.id)
    const digest = stored.find((request) => request.title === 'Weekly email digest')
    expect(digest?.body).toBe('Every Monday, the top requests.')
    await eventually(
      async () => (await backlog(world, project.id)).find((r) => r.id === filed.id)?.votes,
    ).toBe(filed.votes + 1)
  })

  it("shows another visitor's markup in a title as text, never as HTML", async () => {
    const { project } = await createProject(world)
    const title = '<img src="/x.png" onerror="window.pwned = true"> Bold <b>idea</b>'
    await fileRequest(world, project.id, title)
    const { page } = await world.openPage()
    await page.goto(serveHostPage(world, { projectId: project.id }))
    const widget = widgetOf(page)
    await widget.launcher.click()
    await widget.voteButton(title).waitFor()

    expect(await widget.dialog.getByText(title).count()).toBe(1)
    expect(
      await widget.root.evaluate((host) => host.shadowRoot?.querySelectorAll('img, b').length),
    ).toBe(0)
    expect(await page.evaluate(() => (window as unknown as ReqioWindow).pwned)).toBeUndefined()
  })

  // Only real layout shows this: a full-width search field once squeezed the sort group.
  it('shows the Top and New sort buttons side by side, beside a one-line search field', async () => {
    const { project } = await createProject(world)
    const { page } = await world.openPage({ viewport: { width: 1100, height: 760 } })
    // The panel slides in; measure it at rest, not mid-animation.
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(serveHostPage(world, { projectId: project.id }))
    const widget = widgetOf(page)
    await widget.launcher.click()
    const sort = widget.dialog.getByRole('group', { name: 'Sort' })
    const top = await sort.getByRole('button', { name: 'Top' }).boundingBox()
    const fresh = await sort.getByRole('button', { name: 'New' }).boundingBox()
    const search = await widget.dialog.getByRole('searchbox').boundingBox()

    expect(fresh?.y).toBe(top?.y)
    expect(search?.height).toBeLessThan(2 * (top?.height ?? 0))
  })

  it('looks the same when the host page forces !important styles on every element', async () => {
    const { project } = await createProject(world)
    await fileRequest(world, project.id, 'Dark mode')
    const lookOf = async (head: string) => {
      const { page } = await world.openPage()
      await page.goto(serveHostPage(world, { projectId: project.id, head }))
      const widget = widgetOf(page)
      const launcher = await computedStyle(widget.launcher, WIDGET_LOOK)
      await widget.launcher.click()
      await widget.voteButton('Dark mode').waitFor()
      return {
        launcher,
        dialog: await computedStyle(widget.dialog, WIDGET_LOOK),
        heading: await computedStyle(widget.dialog.getByRole('heading'), WIDGET_LOOK),
        search: await computedStyle(widget.dialog.getByRole('searchbox'), WIDGET_LOOK),
        vote: await computedStyle(widget.voteButton('Dark mode'), WIDGET_LOOK),
        suggest: await computedStyle(widget.suggest, WIDGET_LOOK),
      }
    }

    const plain = await lookOf('')
    const hostile = await lookOf(HOSTILE_CSS)

    expect(hostile).toEqual(plain)
    expect(hostile.launcher['font-size']).toBe('14px')
    expect(hostile.heading.color).not.toBe('rgb(255, 0, 0)')
  })

  it("leaves the host page's own styles untouched, with the dialog open", async () => {
    const { project } = await createProject(world)
    const hostElements = [
      'body',
      '#host-heading',
      '#host-text',
      '#host-button',
      '#host-input',
      '#host-list li',
    ]
    const lookOf = async (withoutWidget: boolean) => {
      const { page } = await world.openPage()
      await page.goto(
        serveHostPage(world, { projectId: project.id, body: HOST_MARKUP, withoutWidget }),
      )
      if (!withoutWidget) {
        const widget = widgetOf(page)
        await widget.launcher.click()
        await widget.dialog.waitFor()
      }
      const look: Record<string, Record<string, string>> = {}
      for (const selector of hostElements)
        look[selector] = await computedStyle(page.locator(selector), HOST_LOOK)
      return look
    }

    expect(await lookOf(false)).toEqual(await lookOf(true))
  })
})
