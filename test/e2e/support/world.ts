/**
 * What every end-to-end file shares: one real Reqio server (fresh embedded database), one
 * customer site on a second origin and one Chromium, started once per file; a fresh browser
 * context per test, whose pages fail the test on any uncaught error or console error.
 *
 *   const world = useWorld()
 *   it('...', async () => {
 *     const { page } = await world.openPage()
 *     ...
 *   })
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { REQIO_INLINE_STUB_TAG } from '../../../src/shared/inline-stub'
import type { Reqio } from '../../../src/widget/types'
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../../helpers/start-server'
import { launchChromium } from './chromium'
import { type HostSite, startHostSite } from './host-site'

export const SCREENSHOT_DIR = join(import.meta.dirname, '..', 'screenshots')

/** Chromium's own line for a request that got no answer or an error status: expected offline. */
const NETWORK_FAILURE_CONSOLE = /^Failed to load resource: /

export interface PageOptions extends BrowserContextOptions {
  /** Allows Chromium's "Failed to load resource" console lines (offline tests, 401 answers). */
  allowNetworkFailureLogs?: boolean
}

export interface WatchedPage {
  context: BrowserContext
  page: Page
  /** Uncaught errors and console errors seen so far; asserted empty after each test. */
  problems: string[]
  /** Opens a second page in the same context (same storage), watched the same way. */
  openPage(): Promise<Page>
}

export interface World {
  server: TestServer
  site: HostSite
  browser: Browser
  /** A new browser context (another device: its own storage) with one watched page. */
  openPage(options?: PageOptions): Promise<WatchedPage>
}

export interface HostPageOptions {
  projectId: string
  /** Markup put into <head> before the widget's script tag (styles, the inline stub...). */
  head?: string
  body?: string
  /** `data-identity-token` on the script tag. */
  token?: string
  /** Where widget.js comes from; default the Reqio server, so the API is the script's origin. */
  scriptSrc?: string
  /** `data-api-url`, when widget.js is not served by the Reqio server. */
  apiUrl?: string
  /** `async` on the script tag (default true, as the docs say). */
  async?: boolean
  lang?: string
  /** The same page without the widget, as a baseline for style comparisons. */
  withoutWidget?: boolean
  /** More attributes for the script tag, as written in HTML (`data-launcher="none"`). */
  attributes?: string
  /** Extra response headers for the page, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>
}

/** A customer's page embedding the widget as the docs say. */
export function hostPageHtml(world: World, options: HostPageOptions): string {
  const attributes = [
    `src="${options.scriptSrc ?? `${world.server.url}/widget.js`}"`,
    `data-project-id="${options.projectId}"`,
    options.apiUrl ? `data-api-url="${options.apiUrl}"` : '',
    options.token ? `data-identity-token="${options.token}"` : '',
    options.attributes ?? '',
    options.async === false ? '' : 'async',
  ].filter(Boolean)
  return `<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer site</title>
<link rel="icon" href="data:,">
${options.head ?? ''}
${options.withoutWidget ? '' : `<script ${attributes.join(' ')}></script>`}
</head>
<body>
${options.body ?? '<main><h1>Customer site</h1><p>Some text of the host.</p></main>'}
</body>
</html>`
}

/** Registers a page on the customer site and answers its URL. */
export function serveHostPage(world: World, options: HostPageOptions): string {
  const path = `/page-${randomUUID()}.html`
  world.site.page(path, hostPageHtml(world, options), undefined, options.headers)
  return `${world.site.url}${path}`
}

export { REQIO_INLINE_STUB_TAG }

/** The page's window as seen from page.evaluate(): `(window as ReqioWindow).Reqio.reset()`. */
export type ReqioWindow = Window & { Reqio: Reqio } & Record<string, unknown>

export function useWorld(serverOptions: TestServerOptions = {}): World {
  const world = {} as World
  const contexts: BrowserContext[] = []
  const watched: WatchedPage[] = []

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const [server, site, browser] = await Promise.all([
      startTestServer(serverOptions),
      startHostSite(),
      launchChromium(),
    ])
    Object.assign(world, { server, site, browser })
  })

  afterEach(async () => {
    const problems = watched.flatMap((entry) => entry.problems)
    watched.length = 0
    await Promise.all(contexts.splice(0).map((context) => context.close()))
    expect(problems, 'uncaught errors or console errors in the host page').toEqual([])
  })

  afterAll(async () => {
    await Promise.all([world.browser?.close(), world.site?.close(), world.server?.close()])
  })

  world.openPage = async ({ allowNetworkFailureLogs = false, ...contextOptions } = {}) => {
    const context = await world.browser.newContext(contextOptions)
    contexts.push(context)
    const problems: string[] = []
    const watch = (page: Page) => {
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() !== 'error') return
        const { url } = message.location()
        if (NETWORK_FAILURE_CONSOLE.test(message.text())) {
          if (allowNetworkFailureLogs) return
          // Chromium asks every origin for /favicon.ico on its own; no page code is involved.
          if (new URL(url || 'about:blank', 'http://x').pathname === '/favicon.ico') return
        }
        problems.push(`console.error: ${message.text()} (${url})`)
      })
      return page
    }
    const entry: WatchedPage = {
      context,
      page: watch(await context.newPage()),
      problems,
      openPage: async () => watch(await context.newPage()),
    }
    watched.push(entry)
    return entry
  }

  return world
}

/**
 * Waits until `read()` answers something passing the assertion that follows, e.g.
 * `await eventually(() => locator.innerText()).toBe('Sent')`. Bounded by the test's own timeout.
 */
export function eventually<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 })
}
