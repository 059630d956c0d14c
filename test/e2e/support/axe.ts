// axe-core in Chromium, for every e2e file that scans a view. `@axe-core/playwright` wants
// Node 22, so axe.min.js is injected with addScriptTag and run in the page.
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

async function injectAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
}

/**
 * The serious and critical violations axe finds on the whole page as it stands (open shadow
 * roots included, so a widget on it too), one line each: `id (impact): help at targets`.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await injectAxe(page)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    return (await axe.run()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      )
  })
}

/** One violation axe found in the widget, with each node's target and why it failed. */
export interface WidgetFinding {
  id: string
  impact: string
  nodes: string[]
}

/** Every violation axe finds inside the widget's host (its shadow root included). */
export async function widgetFindings(page: Page): Promise<WidgetFinding[]> {
  await injectAxe(page)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    const result = await axe.run(
      { include: [['reqio-widget']] } as never,
      // Experimental in axe, and exactly what the vote buttons once failed.
      { rules: { 'label-content-name-mismatch': { enabled: true } } },
    )
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }))
  })
}

export const seriousOnly = (findings: WidgetFinding[]) =>
  findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')

/** The serious and critical violations in the widget, as `id: target` lines. */
export async function seriousWidgetViolations(page: Page): Promise<string[]> {
  return seriousOnly(await widgetFindings(page)).flatMap((f) =>
    f.nodes.map((node) => `${f.id}: ${node}`),
  )
}
