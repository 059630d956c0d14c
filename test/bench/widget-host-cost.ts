// What embedding widget.js costs the host page in Chromium: the same page with and without it.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { launchChromium } from '../e2e/support/chromium'
import { startHostSite } from '../e2e/support/host-site'

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
    ? `<script>window.__readyAt = -1; window.Reqio = { q: [['on', ['ready', function () { window.__readyAt = performance.now() }]]] }</script>
<script src="/widget.js" data-project-id="bench" data-api-url="http://127.0.0.1:9" async></script>`
    : ''
}
</head><body><h1>Host page</h1><p>${'Lorem ipsum dolor sit amet. '.repeat(200)}</p></body></html>`

interface Sample {
  scriptMs: number
  taskMs: number
  readyMs: number | null
  scriptExecToReadyMs: number | null
  longTasks: number
}

async function measure(page: Page, url: string): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForTimeout(300)
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0
  const inPage = await page.evaluate(() => {
    const w = window as unknown as { __readyAt?: number; __longTasks: number }
    const script = performance
      .getEntriesByType('resource')
      .find((e) => e.name.endsWith('/widget.js')) as PerformanceResourceTiming | undefined
    return {
      readyAt: w.__readyAt ?? null,
      scriptLoadedAt: script ? script.responseEnd : null,
      longTasks: w.__longTasks,
    }
  })
  await cdp.detach()
  const ready = inPage.readyAt !== null && inPage.readyAt >= 0 ? inPage.readyAt : null
  return {
    scriptMs: metric('ScriptDuration') * 1000,
    taskMs: metric('TaskDuration') * 1000,
    readyMs: ready,
    scriptExecToReadyMs:
      ready !== null && inPage.scriptLoadedAt !== null ? ready - inPage.scriptLoadedAt : null,
    longTasks: inPage.longTasks,
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
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
    const row = (name: string, samples: Sample[]) => ({
      page: name,
      'script ms (median)': median(samples.map((s) => s.scriptMs)).toFixed(2),
      'main-thread task ms (median)': median(samples.map((s) => s.taskMs)).toFixed(2),
      'long tasks (max)': Math.max(...samples.map((s) => s.longTasks)),
      'widget.js loaded → Reqio ready ms (median)': samples.some(
        (s) => s.scriptExecToReadyMs !== null,
      )
        ? median(
            samples.flatMap((s) => (s.scriptExecToReadyMs === null ? [] : [s.scriptExecToReadyMs])),
          ).toFixed(2)
        : '-',
    })
    console.log(`\n## Host cost in Chromium (${RUNS} loads each, same run)`)
    console.table([row('without widget', without), row('with widget', withWidget)])
    const scriptDelta =
      median(withWidget.map((s) => s.scriptMs)) - median(without.map((s) => s.scriptMs))
    const taskDelta = median(withWidget.map((s) => s.taskMs)) - median(without.map((s) => s.taskMs))
    console.log(
      `widget.js adds ${scriptDelta.toFixed(2)} ms of script and ${taskDelta.toFixed(2)} ms of main-thread tasks (medians)`,
    )
  } finally {
    await browser.close()
    await site.close()
  }
}
