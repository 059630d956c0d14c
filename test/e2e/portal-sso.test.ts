// Issue 27 in Chromium: the portal's sign-in from the customer's app. A customer's app on
// another origin is the SSO URL (it mints a token and redirects, as the Identity page's
// snippets do); the browser must come back to the portal page with the session cookie the
// contract describes. A refused token shows its error code, readable in light and dark at 375 px.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { mintToken } from '../helpers/tokens'
import { seriousViolations } from './support/axe'
import { createProject } from './support/backend'
import { SCREENSHOT_DIR, useWorld } from './support/world'

/** The customer's app: its sign-in handler mints a token for its signed-in user and redirects. */
async function startCustomerApp(reqioUrl: string, created: CreatedProjectResponse) {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://app')
    if (url.pathname !== '/reqio/sign-in') {
      res.writeHead(404).end()
      return
    }
    const person = { sub: 'cus_9', email: 'kim@example.com', name: 'Kim' }
    void mintToken(created.secret, { aud: created.project.audience, ...person }).then((token) => {
      const target = new URL(`${reqioUrl}/p/${created.project.id}/sso`)
      target.searchParams.set('token', token)
      target.searchParams.set('return_to', url.searchParams.get('return_to') ?? '')
      res.writeHead(302, { Location: target.href, 'Cache-Control': 'no-store' }).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('signing in to the portal from the customer’s app', () => {
  const world = useWorld({ demo: false })
  let created: CreatedProjectResponse
  let app: Awaited<ReturnType<typeof startCustomerApp>>

  beforeAll(async () => {
    created = await createProject(world, 'Kite')
    app = await startCustomerApp(world.server.url, created)
  })
  afterAll(() => app?.close())

  it('comes back to the portal page it left, with a week-long HttpOnly cookie for that portal only', async () => {
    // Until the portal's pages are merged the landing page may answer 404: that is not this test.
    const { page, context } = await world.openPage({ allowNetworkFailureLogs: true })
    const pid = created.project.id
    const portalPage = `${world.server.url}/p/${pid}/roadmap`
    await page.goto(`${app.url}/reqio/sign-in?return_to=${encodeURIComponent(portalPage)}`)
    expect(page.url()).toBe(portalPage)

    const cookies = await context.cookies(world.server.url + `/p/${pid}`)
    const session = cookies.find((cookie) => cookie.name === 'reqio_portal')
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: `/p/${pid}` })
    const weekFromNow = Date.now() / 1000 + 604_800
    expect(Math.abs((session?.expires ?? 0) - weekFromNow)).toBeLessThan(120)
    // Not sent anywhere else on Reqio's origin.
    expect(await context.cookies(`${world.server.url}/dashboard`)).toEqual([])
    expect(await page.evaluate(() => document.cookie)).toBe('')
  })

  it('refuses a sign-out posted from another site, so the session stays', async () => {
    const { page, context } = await world.openPage({ allowNetworkFailureLogs: true })
    const pid = created.project.id
    await page.goto(`${app.url}/reqio/sign-in?return_to=`)
    expect(page.url()).toBe(`${world.server.url}/p/${pid}`)
    world.site.page(
      '/forged-logout',
      `<!doctype html><form method="post" action="${world.server.url}/p/${pid}/sso/logout"><button>Go</button></form>`,
    )
    await page.goto(`${world.site.url}/forged-logout`)
    const answer = page.waitForResponse((res) => res.url().endsWith('/sso/logout'))
    await page.getByRole('button', { name: 'Go' }).click()
    expect((await answer).status()).toBe(403)
    const cookies = await context.cookies(`${world.server.url}/p/${pid}`)
    expect(cookies.map((cookie) => cookie.name)).toContain('reqio_portal')
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows a refused token's code at 375 px in ${colorScheme}, with no serious axe violation`, async () => {
      const { page, context } = await world.openPage({
        allowNetworkFailureLogs: true,
        viewport: { width: 375, height: 700 },
        colorScheme,
        // axe is injected as a script: this context lets it past the page's strict CSP.
        bypassCSP: true,
      })
      const pid = created.project.id
      await page.goto(`${world.server.url}/p/${pid}/sso?token=expired.or.forged&lang=de`)
      await page.getByRole('heading', { level: 1, name: 'Anmeldung fehlgeschlagen' }).waitFor()
      await expect(page.locator('code').innerText()).resolves.toBe('token_malformed')
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
      expect(await context.cookies(world.server.url)).toEqual([])
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(sideways).toBe(0)
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `portal-sso-refused-375-${colorScheme}.png`),
        fullPage: true,
      })
    })
  }
})
