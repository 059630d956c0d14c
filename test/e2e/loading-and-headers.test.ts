import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createProject, fileRequest, tokenFor } from './support/backend'
import { recordApiRequests, recordPreflights } from './support/network'
import { widgetOf } from './support/widget'
import { eventually, REQIO_INLINE_STUB_TAG, serveHostPage, useWorld } from './support/world'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('loading the widget on a customer site', () => {
  const world = useWorld()

  it('makes window.Reqio callable as soon as its script has run', async () => {
    const { project } = await createProject(world)
    const url = serveHostPage(world, {
      projectId: project.id,
      async: false,
      // Runs right after the (blocking) widget.js, before the DOM is even parsed.
      body: `<script>
        window.seenRightAfterScript = ['identify', 'reset', 'open', 'close', 'on', 'off']
          .map(function (m) { return m + ':' + typeof (window.Reqio && window.Reqio[m]) })
        window.Reqio.on('ready', function (e) { window.readyFor = e.projectId })
      </script><p>Host</p>`,
    })
    const { page } = await world.openPage()
    await page.goto(url)

    expect(
      await page.evaluate(
        () => (window as unknown as { seenRightAfterScript: string[] }).seenRightAfterScript,
      ),
    ).toEqual([
      'identify:function',
      'reset:function',
      'open:function',
      'close:function',
      'on:function',
      'off:function',
    ])
    await page.waitForFunction(() => (window as unknown as { readyFor?: string }).readyFor)
    expect(await page.evaluate(() => (window as unknown as { readyFor: string }).readyFor)).toBe(
      project.id,
    )
  })

  it('adds nothing to the host page but window.Reqio and one <reqio-widget> element', async () => {
    const { project } = await createProject(world)
    const globalsAndBody = async (withoutWidget: boolean) => {
      const { page } = await world.openPage()
      await page.goto(serveHostPage(world, { projectId: project.id, withoutWidget }))
      if (!withoutWidget) await widgetOf(page).launcher.waitFor()
      return page.evaluate(() => ({
        globals: Object.keys(window),
        body: [...document.body.children].map((element) => element.tagName.toLowerCase()),
        head: document.head.children.length,
      }))
    }
    const without = await globalsAndBody(true)
    const withWidget = await globalsAndBody(false)

    expect(withWidget.globals.filter((name) => !without.globals.includes(name))).toEqual(['Reqio'])
    expect(withWidget.body).toEqual([...without.body, 'reqio-widget'])
    expect(withWidget.head).toBe(without.head + 1)
  })

  it('replays an identify() made through the inline stub before widget.js loaded', async () => {
    const created = await createProject(world)
    const token = await tokenFor(created, { sub: 'stub-user' })
    const url = serveHostPage(world, {
      projectId: created.project.id,
      head: `${REQIO_INLINE_STUB_TAG}
        <script>
          window.Reqio.identify(${JSON.stringify(token)})
          window.queuedBeforeLoad = window.Reqio.q.length
        </script>`,
    })
    const { page } = await world.openPage()
    const identify = page.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/identify'),
    )
    await page.goto(url)
    const request = await identify
    const headers = await request.allHeaders()

    expect(
      await page.evaluate(
        () => (window as unknown as { queuedBeforeLoad: number }).queuedBeforeLoad,
      ),
    ).toBe(1)
    expect(request.url()).toBe(`${world.server.url}/v1/projects/${created.project.id}/identify`)
    expect(headers.authorization).toBe(`Bearer ${token}`)
    expect(headers['x-reqio-anonymous-id']).toMatch(UUID)
    expect((await request.response())?.status()).toBe(200)
  })

  it('sends the bearer token and the anonymous id with every feedback and vote request, and CORS lets them through', async () => {
    const created = await createProject(world)
    const projectId = created.project.id
    await fileRequest(world, projectId, 'Dark mode')
    const token = await tokenFor(created, { sub: 'header-user' })
    // widget.js served by the customer's own origin, the API named by data-api-url.
    world.site.page(
      '/vendor/reqio/widget.js',
      readFileSync(join('dist', 'widget.js')),
      'text/javascript',
    )
    const url = serveHostPage(world, {
      projectId,
      token,
      scriptSrc: `${world.site.url}/vendor/reqio/widget.js`,
      apiUrl: world.server.url,
    })
    const { page } = await world.openPage()
    const sent = recordApiRequests(page, world.server)
    const preflights = await recordPreflights(page)
    const failed: string[] = []
    page.on('requestfailed', (request) => failed.push(`${request.method()} ${request.url()}`))
    const statuses: number[] = []
    page.on('response', (response) => {
      if (response.url().startsWith(`${world.server.url}/v1/`)) statuses.push(response.status())
    })
    await page.goto(url)
    const widget = widgetOf(page)

    await widget.launcher.click()
    const voted = page.waitForResponse(
      (r) => r.url().endsWith('/vote') && r.request().method() === 'POST',
    )
    await widget.voteButton('Dark mode').click()
    expect((await voted).status()).toBe(200)
    const unvoted = page.waitForResponse(
      (r) => r.url().endsWith('/vote') && r.request().method() === 'DELETE',
    )
    await widget.voteButton('Dark mode').click()
    expect((await unvoted).status()).toBe(200)
    await widget.suggest.click()
    await widget.title.fill('Export to CSV')
    const submitted = page.waitForResponse(
      (r) => r.url().endsWith('/requests') && r.request().method() === 'POST',
    )
    await widget.send.click()
    expect((await submitted).status()).toBe(201)
    await eventually(() => widget.notice.innerText()).toBe('Thanks! Your request is in.')

    await sent.settled()
    const kinds = sent.map(
      (r) => `${r.method} ${new URL(r.url).pathname.replace(/requests\/[^/]+/, 'requests/:id')}`,
    )
    expect(kinds).toEqual(
      expect.arrayContaining([
        `GET /v1/projects/${projectId}/requests`,
        `POST /v1/projects/${projectId}/identify`,
        `POST /v1/projects/${projectId}/requests/:id/vote`,
        `DELETE /v1/projects/${projectId}/requests/:id/vote`,
        `POST /v1/projects/${projectId}/requests`,
      ]),
    )
    const anonymousIds = new Set(sent.map((r) => r.headers['x-reqio-anonymous-id']))
    expect(anonymousIds.size).toBe(1)
    expect([...anonymousIds][0]).toMatch(UUID)
    for (const request of sent) {
      expect(request.headers.authorization, `${request.method} ${request.url}`).toBe(
        `Bearer ${token}`,
      )
      expect(request.headers.origin).toBe(world.site.url)
    }
    // Every cross-origin call carrying those headers was preceded by a preflight that allowed them.
    const allowed = [...preflights.values()]
    for (const request of sent) {
      const preflight = allowed.find((p) => p.url === request.url)
      expect(preflight, `preflight for ${request.method} ${request.url}`).toBeDefined()
      expect(preflight?.status).toBe(204)
      expect(preflight?.requestHeaders).toContain('authorization')
      expect(preflight?.requestHeaders).toContain('x-reqio-anonymous-id')
    }
    expect(failed).toEqual([])
    expect(statuses.every((status) => status < 400)).toBe(true)
  })
})
