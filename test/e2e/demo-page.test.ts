import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backlog, fileRequest } from './support/backend'
import { recordApiRequests } from './support/network'
import { widgetOf } from './support/widget'
import { eventually, type ReqioWindow, SCREENSHOT_DIR, useWorld } from './support/world'

const DEMO = 'demo'

describe('the demo page served at / by the Reqio server', () => {
  const world = useWorld()

  it('signs in as the Pro customer, whose vote puts $49 MRR on the request, and signing out calls Reqio.reset()', async () => {
    const filed = await fileRequest(world, DEMO, 'Funnel reports')
    const { page } = await world.openPage({ viewport: { width: 1200, height: 800 } })
    const sent = recordApiRequests(page, world.server)
    await page.goto(`${world.server.url}/`)
    await page.getByRole('heading', { name: 'Traffic overview' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'demo-page.png') })

    const identified = page.waitForResponse((r) => r.url().endsWith(`/projects/${DEMO}/identify`))
    await page.getByRole('button', { name: 'Priya (Pro, $49/mo)' }).click()
    expect((await identified).status()).toBe(200)
    await eventually(() => page.locator('#identity').innerText()).toContain('Priya')

    const widget = widgetOf(page)
    await widget.launcher.click()
    const voted = page.waitForResponse(
      (r) => r.url().endsWith('/vote') && r.request().method() === 'POST',
    )
    await widget.voteButton('Funnel reports').click()
    const vote = await voted
    expect(vote.status()).toBe(200)
    expect(await vote.request().headerValue('authorization')).toMatch(/^Bearer ey/)
    await eventually(() => widget.voteButton('Funnel reports').getAttribute('aria-pressed')).toBe(
      'true',
    )
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'demo-widget-open.png') })

    const [ranked] = await backlog(world, DEMO, 'revenue')
    expect(ranked).toMatchObject({ id: filed.id, votes: filed.votes + 1, mrrCents: 4900 })
    expect(ranked?.voters).toEqual([
      expect.objectContaining({ sub: 'demo_priya', plan: 'pro', mrrCents: 4900 }),
    ])

    // Sign out (the dialog is modal: close it first): the widget is reset and speaks for a new
    // anonymous visitor.
    await widget.dialog.getByRole('button', { name: 'Close' }).click()
    await page.evaluate(() => {
      const win = window as unknown as ReqioWindow
      win.resets = 0
      win.Reqio.on('reset', () => {
        win.resets = (win.resets as number) + 1
      })
    })
    const signedInAnonymousId = sent.at(-1)?.headers['x-reqio-anonymous-id']
    await page.getByRole('button', { name: 'Sign out' }).click()
    expect(await page.evaluate(() => (window as unknown as ReqioWindow).resets)).toBe(1)
    await eventually(() => page.locator('#identity').innerText()).toBe('anonymous')

    const listed = page.waitForRequest(
      (r) => r.method() === 'GET' && r.url().includes(`/projects/${DEMO}/requests`),
    )
    await widget.launcher.click()
    const afterReset = await (await listed).allHeaders()
    expect(afterReset.authorization).toBeUndefined()
    expect(afterReset['x-reqio-anonymous-id']).toBeDefined()
    expect(afterReset['x-reqio-anonymous-id']).not.toBe(signedInAnonymousId)
    await eventually(() => widget.voteButton('Funnel reports').getAttribute('aria-pressed')).toBe(
      'false',
    )
  })

  it('renders the Enterprise customers signed in with ?as= through data-identity-token, their company counted once', async () => {
    const filed = await fileRequest(world, DEMO, 'Scheduled exports')
    const { page } = await world.openPage()
    const sent = recordApiRequests(page, world.server)
    await page.goto(`${world.server.url}/?as=enterprise`)
    const token = await page
      .locator('script[data-identity-token]')
      .getAttribute('data-identity-token')
    expect(token).toMatch(/^ey/)

    const widget = widgetOf(page)
    await widget.launcher.click()
    await widget.voteButton('Scheduled exports').click()
    await eventually(
      async () => (await backlog(world, DEMO)).find((r) => r.id === filed.id)?.mrrCents,
    ).toBe(10000)
    expect(sent.length).toBeGreaterThan(0)
    for (const request of sent) expect(request.headers.authorization).toBe(`Bearer ${token}`)

    // Elena works at Initech too: her vote is a second vote, but Initech's revenue counts once.
    const second = await world.openPage()
    await second.page.goto(`${world.server.url}/?as=enterprise2`)
    const herWidget = widgetOf(second.page)
    await herWidget.launcher.click()
    await herWidget.voteButton('Scheduled exports').click()
    // Two Initech votes on top of the filer's own (issue 11).
    await eventually(
      async () => (await backlog(world, DEMO)).find((r) => r.id === filed.id)?.votes,
    ).toBe(filed.votes + 2)
    expect((await backlog(world, DEMO)).find((r) => r.id === filed.id)).toMatchObject({
      mrrCents: 10000,
      accounts: 1,
    })
  })
})
