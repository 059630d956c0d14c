// What embedding widget.js costs the host page in Chromium: the same page with and without it.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { launchChromium } from '../e2e/support/chromium'
import { startHostSite } from '../e2e/support/host-site'
import { median } from './stats'

const RUNS = 15

const hostPage = (
  withWidget: boolean,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>
window.__longTasks = 0
try { new PerformanceObserver(function (l) { window.__longTasks += l.getEntries().length }).observe({ type: 'longtask', buffered: true }) } catch (e) {}
</script>
${
  withWidget
    ? `<script>
// Notes when widget.js installs window.Reqio, and when its UI is mounted ('ready').
Object.defineProperty(window, 'Reqio', { configurable: true, set: function (value) {
  Object.defineProperty(window, 'Reqio', { configurable: true, writable: true, value: value })
  window.__installedAt = performance.now()
  value.on('ready', function () { window.__readyAt = performance.now() })
} })
</script>
<script src="/widget.js" data-project-id="bench" data-api-url="http://127.0.0.1:9" async></script>`
    : ''
}
</head><body><h1>Host page</h1><p>${'Lorem ipsum dolor sit amet. '.repeat(200)}</p></body></html>`

interface Sample {
  /** Script time until the load event: what the host's own boot waits behind. */
  scriptAtLoadMs: number
  /** Script time once idle-time work (UI mount, board prefetch) is done too. */
  scriptTotalMs: number
  taskTotalMs: number
  installMs: number | null
  readyAfterLoadMs: number | null
  longTasks: number
}

async function measure(page: Page, url: string): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const metric = async (name: string) =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0) *
    1000
  await page.goto(url, { waitUntil: 'load' })
  const scriptAtLoadMs = await metric('ScriptDuration')
  await page.waitForTimeout(1500)
  const scriptTotalMs = await metric('ScriptDuration')
  const taskTotalMs = await metric('TaskDuration')
  const inPage = await page.evaluate(() => {
    const w = window as unknown as {
      __installedAt?: number
      __readyAt?: number
      __longTasks: number
    }
    const script = performance
      .getEntriesByType('resource')
      .find((e) => e.name.endsWith('/widget.js')) as PerformanceResourceTiming | undefined
    const loadEnd = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .loadEventEnd
    return {
      installMs:
        w.__installedAt !== undefined && script ? w.__installedAt - script.responseEnd : null,
      readyAfterLoadMs: w.__readyAt !== undefined ? w.__readyAt - loadEnd : null,
      longTasks: w.__longTasks,
    }
  })
  await cdp.detach()
  return { scriptAtLoadMs, scriptTotalMs, taskTotalMs, ...inPage }
}

export async function benchWidgetHostCost(): Promise<void> {
  const site = await startHostSite()
  site.page('/widget.js', readFileSync('dist/widget.js'), 'text/javascript; charset=utf-8')
  site.page('/with', hostPage(true))
  site.page('/without', hostPage(false))
  const browser = await launchChromium()
  try {
    const withWidget: Sample[] = []
    const without: Sample[] = []
    for (let i = 0; i < RUNS; i++) {
      for (const [path, samples] of [
        ['/without', without],
        ['/with', withWidget],
      ] as const) {
        const context = await browser.newContext()
        const page = await context.newPage()
        samples.push(await measure(page, site.url + path))
        await context.close()
      }
    }
    const med = (samples: Sample[], pick: (s: Sample) => number | null) => {
      const values = samples.flatMap((s) => {
        const value = pick(s)
        return value === null ? [] : [value]
      })
      return values.length ? median(values).toFixed(2) : '-'
    }
    const row = (name: string, samples: Sample[]) => ({
      page: name,
      'script ms until load': med(samples, (s) => s.scriptAtLoadMs),
      'script ms incl. idle work': med(samples, (s) => s.scriptTotalMs),
      'main-thread task ms': med(samples, (s) => s.taskTotalMs),
      'long tasks (max)': Math.max(...samples.map((s) => s.longTasks)),
      'downloaded → window.Reqio ms': med(samples, (s) => s.installMs),
      'load → UI mounted (ready) ms': med(samples, (s) => s.readyAfterLoadMs),
    })
    console.log(`\n## Host cost in Chromium (${RUNS} loads each, same run; medians)`)
    console.table([row('without widget', without), row('with widget', withWidget)])
    const delta = (pick: (s: Sample) => number) =>
      (median(withWidget.map(pick)) - median(without.map(pick))).toFixed(2)
    console.log(
      `widget.js adds ${delta((s) => s.scriptAtLoadMs)} ms of script before the load event, ${delta((s) => s.scriptTotalMs)} ms in all (idle-time UI mount and prefetch included)`,
    )
  } finally {
    await browser.close()
    await site.close()
  }
}
