// portal.js: its size against the budget the build enforces, what the server sends for it, and
// in Chromium how long a request page takes to become interactive with it (navigation start to
// the end of DOMContentLoaded: a deferred script has run by then) and what running it costs.
// The page is the real one (GET /p/{pid}/requests/{rid}) from a real server.
// Run alone: `npm run build && npx tsx test/bench/portal-script.ts` (needs Chromium).

import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { PORTAL_SCRIPT_BROTLI_BUDGET } from '../../vite.config'
import { launchChromium } from '../e2e/support/chromium'
import { startTestServer } from '../helpers/start-server'
import { median, percentile } from './stats'

const RUNS = 20

export async function benchPortalScript(): Promise<void> {
  const code = readFileSync('dist/portal.js')
  const brotli = brotliCompressSync(code).length
  console.log('\n## portal.js size')
  console.table([
    {
      raw: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      brotli,
      budgetBrotli: PORTAL_SCRIPT_BROTLI_BUDGET,
      headroom: `${(((PORTAL_SCRIPT_BROTLI_BUDGET - brotli) / PORTAL_SCRIPT_BROTLI_BUDGET) * 100).toFixed(0)}%`,
    },
  ])

  const server = await startTestServer({ demo: false })
  const browser = await launchChromium()
  try {
    const wire = await fetch(`${server.url}/portal.js`, { headers: { 'Accept-Encoding': 'br' } })
    console.log(
      `GET /portal.js: Content-Encoding ${wire.headers.get('content-encoding')}, ${(await wire.arrayBuffer()).byteLength} B once decoded`,
    )
    const { project } = await server.createProject('Bench')
    const filed = await fetch(`${server.url}/v1/projects/${project.id}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': randomUUID() },
      body: JSON.stringify({ title: 'Dark mode', body: 'At night, please.' }),
    })
    const { request } = (await filed.json()) as { request: { id: string } }
    const interactive: number[] = []
    const scripting: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Performance.enable')
      await page.goto(`${server.url}/p/${project.id}/requests/${request.id}`)
      const timing = await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
        return nav ? nav.domContentLoadedEventEnd : Number.NaN
      })
      const { metrics } = await cdp.send('Performance.getMetrics')
      interactive.push(timing)
      scripting.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000)
      await context.close()
    }
    interactive.sort((a, b) => a - b)
    scripting.sort((a, b) => a - b)
    console.log(`request page with portal.js in Chromium, ${RUNS} cold loads (ms)`)
    console.table([
      {
        measure: 'navigation start → DOMContentLoaded end',
        p50: median(interactive).toFixed(1),
        p90: percentile(interactive, 90).toFixed(1),
      },
      {
        measure: 'script time (CDP ScriptDuration)',
        p50: median(scripting).toFixed(1),
        p90: percentile(scripting, 90).toFixed(1),
      },
    ])
  } finally {
    await browser.close()
    await server.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPortalScript()
