// Issue 28: /docs/api in Chromium: readable at 375 px and on a desktop, light and dark, with no
// serious or critical axe violation, nothing its CSP refuses, and no sideways scroll.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe'
import { SCREENSHOT_DIR, useWorld } from './support/world'

describe('the API page in Chromium', () => {
  const world = useWorld({ demo: false })

  it('loads under its own CSP with no error: the page needs nothing it refuses', async () => {
    const { page, problems } = await world.openPage()
    const refused: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text())
    })
    await page.goto(`${world.server.url}/docs/api`)
    await page.getByRole('heading', { level: 1, name: 'Reqio API' }).waitFor()
    // The inline stylesheet applied (its hash matched): articles have their border.
    const border = await page
      .locator('article')
      .first()
      .evaluate((el) => getComputedStyle(el).borderTopStyle)
    expect(border).toBe('solid')
    expect(refused).toEqual([])
    expect(problems).toEqual([])
  })

  // One test per width and scheme: the page is long (every route and shape), and axe on it takes
  // seconds under load, so four passes in one test could outrun a single test's budget on CI.
  const looks = (['light', 'dark'] as const).flatMap((colorScheme) =>
    [375, 1280].map((width) => ({ colorScheme, width })),
  )
  it.each(looks)(
    'has no serious or critical axe violation and no sideways scroll at $width px, $colorScheme',
    async ({ colorScheme, width }) => {
      // axe is injected as a script: this context lets it past the page's strict CSP.
      const { page } = await world.openPage({
        viewport: { width, height: 900 },
        colorScheme,
        bypassCSP: true,
      })
      await page.goto(`${world.server.url}/docs/api`)
      const found = await seriousViolations(page)
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      await page.screenshot({ path: join(SCREENSHOT_DIR, `api-docs-${width}-${colorScheme}.png`) })
      expect(found).toEqual([])
      expect(sideways).toBe(0)
    },
  )

  it('links each group and shape so a reader can jump to it', async () => {
    const { page } = await world.openPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${world.server.url}/docs/api`)
    await page
      .getByRole('navigation', { name: 'Groups' })
      .getByRole('link', { name: 'Auth' })
      .click()
    expect(new URL(page.url()).hash).toBe('#tag-auth')
    const request = page.getByRole('link', { name: 'FeedbackRequest', exact: true }).first()
    await request.click()
    expect(new URL(page.url()).hash).toBe('#schema-feedbackrequest')
    await page.getByRole('heading', { level: 3, name: 'FeedbackRequest' }).waitFor()
  })
})
