// axe-core inside the widget's shadow root (as widget-axe.test.ts runs it), for the views of
// issue 26 tested in their own files. `@axe-core/playwright` wants Node 22: axe.min.js is injected.
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** The serious and critical violations axe finds in the widget, as `id: target` lines. */
export async function seriousWidgetViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    const result = await axe.run({ include: [['reqio-widget']] } as never, {
      rules: { 'label-content-name-mismatch': { enabled: true } },
    })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))
  })
}
