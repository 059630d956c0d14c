// What embedding widget.js costs the host page in Chromium: the same page with and without it,
// and beside a floor widget (bare Preact in a shadow root) built in the same run, both talking
// to a real Reqio server. The floor loads its list at once. widget.js only draws its launcher
// while the page loads; its one request (GET …/widget) and the outbox wait until the page has
// settled (3 s), the board until the launcher is hovered, focused or opened. Two windows, both
// printed: the first 1.5 s (the page's own boot) and the first 6 s, which includes that
// background work, so nothing is hidden by the window.
// Run alone: `npx vite build && npx tsx test/bench/widget-host-cost.ts` (needs Chromium).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import { launchChromium } from '../e2e/support/chromium'
import { startHostSite } from '../e2e/support/host-site'
import { startTestServer } from '../helpers/start-server'
import { median } from './stats'

const RUNS = 15
/** The two windows the bench reports, in ms from the start of navigation. */
const EARLY_MS = 1500
const SETTLED_MS = 6000

type Variant = 'without' | 'with' | 'floor'

const hostPage = (
  variant: Variant,
  apiUrl: string,
  projectId: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>
window.__longTasks = 0
try { new PerformanceObserver(function (l) { window.__longTasks += l.getEntries().length }).observe({ type: 'longtask', buffered: true }) } catch (e) {}
</script>
${
  variant === 'floor'
    ? `<script src="/floor.js" data-project-id="${projectId}" data-api-url="${apiUrl}" async></script>`
    : ''
}
${
  variant === 'with'
    ? `<script>
// Notes when widget.js installs window.Reqio, and when its UI is mounted ('ready').
Object.defineProperty(window, 'Reqio', { configurable: true, set: function (value) {
  Object.defineProperty(window, 'Reqio', { configurable: true, writable: true, value: value })
  window.__installedAt = performance.now()
  value.on('ready', function () { window.__readyAt = performance.now() })
} })
</script>
<script src="/widget.js" data-project-id="${projectId}" data-api-url="${apiUrl}" async></script>`
    : ''
}
</head><body><h1>Host page</h1><p>${'Lorem ipsum dolor sit amet. '.repeat(200)}</p></body></html>`

interface Sample {
  /** Script time until the load event: what the host's own boot waits behind. */
  scriptAtLoadMs: number
  /** Script time within the first 1.5 s of the page load, idle-time work included. */
  scriptTotalMs: number
  /** Script time within 6 s: the widget's background work (after the page settled) included. */
  scriptSettledMs: number
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
  const sinceStart = await page.evaluate(() => performance.now())
  await page.waitForTimeout(Math.max(0, EARLY_MS - sinceStart))
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
  await page.waitForTimeout(
    Math.max(0, SETTLED_MS - (await page.evaluate(() => performance.now()))),
  )
  const scriptSettledMs = await metric('ScriptDuration')
  await cdp.detach()
  return { scriptAtLoadMs, scriptTotalMs, scriptSettledMs, taskTotalMs, ...inPage }
}

/** The floor widget, built and minified by Vite like widget.js. */
async function buildFloor(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2019',
      lib: {
        entry: join(import.meta.dirname, 'floor-widget.ts'),
        formats: ['iife'],
        name: 'floor',
      },
    },
  })
  const [first] = Array.isArray(out) ? out : [out]
  const chunk = (first as { output: Array<{ type: string; code?: string }> }).output[0]
  return chunk?.code ?? ''
}

export async function benchWidgetHostCost(): Promise<void> {
  const server = await startTestServer({ demo: false })
  const { project } = await server.createProject('Bench')
  for (const title of ['Dark mode', 'CSV export', 'Slack alerts', 'SSO', 'Mobile app']) {
    await fetch(`${server.url}/v1/projects/${project.id}/requests`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Reqio-Anonymous-Id': crypto.randomUUID(),
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify({ title }),
    })
  }
  const site = await startHostSite()
  const js = 'text/javascript; charset=utf-8'
  site.page('/widget.js', readFileSync('dist/widget.js'), js)
  site.page('/floor.js', await buildFloor(), js)
  for (const variant of ['with', 'without', 'floor'] as const) {
    site.page(`/${variant}`, hostPage(variant, server.url, project.id))
  }
  const browser = await launchChromium()
  try {
    const withWidget: Sample[] = []
    const without: Sample[] = []
    const floor: Sample[] = []
    for (let i = 0; i < RUNS; i++) {
      for (const [path, samples] of [
        ['/without', without],
        ['/floor', floor],
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
      'script ms in 1.5 s': med(samples, (s) => s.scriptTotalMs),
      'script ms in 6 s': med(samples, (s) => s.scriptSettledMs),
      'main-thread task ms': med(samples, (s) => s.taskTotalMs),
      'long tasks (max)': Math.max(...samples.map((s) => s.longTasks)),
      'downloaded → window.Reqio ms': med(samples, (s) => s.installMs),
      'load → UI mounted (ready) ms': med(samples, (s) => s.readyAfterLoadMs),
    })
    console.log(`\n## Host cost in Chromium (${RUNS} loads each, same run; medians)`)
    console.table([
      row('without widget', without),
      row('floor (bare Preact)', floor),
      row('with widget.js', withWidget),
    ])
    const delta = (samples: Sample[], pick: (s: Sample) => number) =>
      median(samples.map(pick)) - median(without.map(pick))
    console.log(
      'widget.js: only its launcher while the page loads; its one request (with the anonymous id) 3 s after, and a look at the outbox; the board, the draft and the outbox rows on hover, focus or open',
    )
    for (const [window, pick] of [
      [`first ${EARLY_MS / 1000} s`, (s: Sample) => s.scriptTotalMs],
      [`first ${SETTLED_MS / 1000} s`, (s: Sample) => s.scriptSettledMs],
    ] as const) {
      // Each round loads both pages back to back, so a round's ratio shares its machine's load;
      // the median of those is steadier than a ratio of medians when the machine is busy.
      const rounds = withWidget
        .map((s, i) => pick(s) / pick(floor[i] as Sample))
        .sort((a, b) => a - b)
      const at = (q: number) => (rounds[Math.floor(q * (rounds.length - 1))] as number).toFixed(2)
      const ratio = median(withWidget.map(pick)) / median(floor.map(pick))
      console.log(
        `script ms in the ${window}: widget.js ${median(withWidget.map(pick)).toFixed(2)}, floor ${median(floor.map(pick)).toFixed(2)}: ${ratio.toFixed(2)}× the floor; per-round ratio median ${at(0.5)}× (quartiles ${at(0.25)}–${at(0.75)}×); over the bare page: widget.js +${delta(withWidget, pick).toFixed(2)} ms, floor +${delta(floor, pick).toFixed(2)} ms`,
      )
    }
  } finally {
    await browser.close()
    await site.close()
    await server.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWidgetHostCost()
