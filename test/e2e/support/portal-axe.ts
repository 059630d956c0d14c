// axe-core on a portal page as it is now (after portal.js changed it): serious and critical
// violations, one line each. The context must bypass the portal's CSP to inject axe.
import { join } from 'node:path'
import type { Page } from 'playwright-core'

const AXE_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'node_modules',
  'axe-core',
  'axe.min.js',
)

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } })
      .axe
    return (await axe.run()).violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
}
