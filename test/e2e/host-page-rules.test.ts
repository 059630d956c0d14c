import { describe, expect, it } from 'vitest'
import { backlog, createProject } from './support/backend'
import { computedStyle, widgetOf } from './support/widget'
import {
  eventually,
  hostPageHtml,
  type ReqioWindow,
  serveHostPage,
  useWorld,
} from './support/world'

describe("the widget under the host page's rules", () => {
  const world = useWorld()

  it("works under a strict Content-Security-Policy: no inline styles, no eval, only the API's origin", async () => {
    const { project } = await createProject(world)
    const csp = [
      "default-src 'none'",
      `script-src ${world.server.url}`,
      `connect-src ${world.server.url}`,
      "style-src 'self'",
      'img-src data:',
    ].join('; ')
    const { page } = await world.openPage()
    await page.addInitScript(() => {
      const win = window as unknown as ReqioWindow
      win.violations = []
      document.addEventListener('securitypolicyviolation', (event) => {
        ;(win.violations as string[]).push(`${event.violatedDirective} ${event.blockedURI}`)
      })
    })
    await page.goto(
      serveHostPage(world, { projectId: project.id, headers: { 'Content-Security-Policy': csp } }),
    )
    const widget = widgetOf(page)

    expect((await computedStyle(widget.launcher, ['background-color']))['background-color']).toBe(
      'rgb(79, 70, 229)',
    )
    await widget.launcher.click()
    await widget.suggest.click()
    await widget.title.fill('Works with our CSP')
    await widget.send.click()
    await eventually(() => widget.notice.innerText()).toBe('Thanks! Your request is in.')
    expect((await backlog(world, project.id)).map((r) => r.title)).toEqual(['Works with our CSP'])
    expect(await page.evaluate(() => (window as unknown as ReqioWindow).violations)).toEqual([])
  })

  it('mounts a single widget when the script tag is pasted twice', async () => {
    const { project } = await createProject(world)
    const once = hostPageHtml(world, { projectId: project.id })
    const tag = once.match(/<script [^>]*widget\.js[^>]*><\/script>/)?.[0] ?? ''
    const path = '/pasted-twice.html'
    world.site.page(path, once.replace(tag, `${tag}\n${tag}`))
    const { page } = await world.openPage()
    const listed: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/requests?')) listed.push(r.url())
    })
    await page.goto(`${world.site.url}${path}`)
    const widget = widgetOf(page)
    await widget.launcher.click()
    await widget.dialog.getByText('No requests yet: suggest the first one.').waitFor()

    expect(await page.locator('reqio-widget').count()).toBe(1)
    expect(await widget.launcher.count()).toBe(1)
    expect(listed).toHaveLength(1)
  })

  it('opens from the site\'s own button with data-launcher="none", and Escape gives focus back to it', async () => {
    const { project } = await createProject(world)
    const { page } = await world.openPage()
    await page.goto(
      serveHostPage(world, {
        projectId: project.id,
        attributes: 'data-launcher="none"',
        body: '<button id="ideas" type="button" onclick="window.Reqio.open()">Share an idea</button>',
      }),
    )
    const widget = widgetOf(page)
    await page.getByRole('button', { name: 'Share an idea' }).click()
    await widget.dialog.waitFor()
    expect(await widget.launcher.count()).toBe(0)
    // Focus moved into the dialog (it lives in the shadow root, so the document sees the host).
    await eventually(() =>
      page.evaluate(
        () =>
          document
            .querySelector('reqio-widget')
            ?.shadowRoot?.activeElement?.closest('[role="dialog"]') != null,
      ),
    ).toBe(true)

    await page.keyboard.press('Escape')
    await widget.dialog.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ideas')
  })
})
