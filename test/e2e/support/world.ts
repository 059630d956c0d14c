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
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import type { BacklogRequest, BacklogSort, CreatedProjectResponse } from '../../../src/shared/api'
import { REQIO_INLINE_STUB_TAG } from '../../../src/shared/inline-stub'
import type { Reqio } from '../../../src/widget/types'
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'
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

/** The widget's parts, found by role and label inside its shadow root. */
export function widgetOf(page: Page) {
  const root = page.locator('reqio-widget')
  const dialog = root.getByRole('dialog', { name: 'Feedback' })
  return {
    root,
    launcher: root.getByRole('button', { name: 'Feedback', exact: true }),
    dialog,
    notice: dialog.getByRole('status'),
    suggest: dialog.getByRole('button', { name: 'Suggest a feature' }),
    title: dialog.getByRole('textbox', { name: 'Title' }),
    details: dialog.getByRole('textbox', { name: 'Details (optional)' }),
    send: dialog.getByRole('button', { name: 'Send' }),
    /** The vote toggle of a request: its name ends with the current count. */
    voteButton: (title: string): Locator =>
      dialog.getByRole('button', {
        name: new RegExp(`^Vote for ${escapeRegExp(title)} \\(\\d+\\)$`),
      }),
  }
}

/**
 * Waits until `read()` answers something passing the assertion that follows, e.g.
 * `await eventually(() => locator.innerText()).toBe('Sent')`. Bounded by the test's own timeout.
 */
export function eventually<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 })
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The computed values of `properties` for the element `locator` finds (shadow roots pierced). */
export function computedStyle(locator: Locator, properties: readonly string[]) {
  return locator.evaluate(
    (element, names) => {
      const style = getComputedStyle(element)
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]))
    },
    [...properties],
  )
}

/** Headers a request went out with, lower-cased, including those the browser adds itself. */
export type SentRequest = { method: string; url: string; headers: Record<string, string> }

export type SentRequests = SentRequest[] & {
  /** Resolves once every recorded request's full header list has been read. */
  settled(): Promise<void>
}

/**
 * Records every request the page sends to the Reqio API (`/v1/...`), in order, as it is sent.
 * Headers the page set are there at once; those the browser adds (Origin) after settled().
 */
export function recordApiRequests(page: Page, server: TestServer): SentRequests {
  const pending: Promise<unknown>[] = []
  const sent = Object.assign([] as SentRequest[], {
    settled: async () => {
      await Promise.all(pending)
    },
  })
  page.on('request', (request) => {
    if (!request.url().startsWith(`${server.url}/v1/`)) return
    const entry = { method: request.method(), url: request.url(), headers: request.headers() }
    sent.push(entry)
    pending.push(
      request
        .allHeaders()
        .then((all) => Object.assign(entry.headers, all))
        .catch(() => undefined),
    )
  })
  return sent
}

export interface Preflight {
  url: string
  /** What the preflight asked permission for (Access-Control-Request-Headers), lower-cased. */
  requestHeaders: string
  status?: number
}

/**
 * CORS preflights (OPTIONS) the page sends and their answers. Playwright's own events do not
 * show them; Chromium's DevTools protocol reports them as type "Preflight".
 */
export async function recordPreflights(page: Page): Promise<Map<string, Preflight>> {
  const preflights = new Map<string, Preflight>()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.method !== 'OPTIONS') return
    const headers = Object.fromEntries(
      Object.entries(event.request.headers).map(([name, value]) => [name.toLowerCase(), value]),
    )
    preflights.set(event.requestId, {
      url: event.request.url,
      requestHeaders: String(headers['access-control-request-headers'] ?? '').toLowerCase(),
    })
  })
  cdp.on('Network.responseReceived', (event) => {
    const preflight = preflights.get(event.requestId)
    if (event.type === 'Preflight' && preflight) preflight.status = event.response.status
  })
  return preflights
}

/** Creates a project through the admin API. */
export function createProject(world: World, name = 'Customer'): Promise<CreatedProjectResponse> {
  return world.server.createProject(name)
}

export interface Person {
  sub: string
  email?: string
  traits?: { plan: string; amount: number; interval: 'month' | 'year' }
}

/** A token for `person`, minted as the customer's server would. */
export function tokenFor(created: CreatedProjectResponse, person: Person, nowMs?: number) {
  return mintToken(
    created.secret,
    { aud: created.project.audience, ...person },
    nowMs === undefined ? {} : { nowMs },
  )
}

/** Another visitor's request, filed straight through the public API. */
export async function fileRequest(
  world: World,
  projectId: string,
  title: string,
  token?: string,
): Promise<{ id: string; votes: number }> {
  const res = await fetch(`${world.server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Reqio-Anonymous-Id': randomUUID(),
      'Idempotency-Key': randomUUID(),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ title }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { request: { id: string; votes: number } }).request
}

/** A vote straight through the public API. */
export async function voteThroughApi(
  world: World,
  projectId: string,
  requestId: string,
  token: string,
): Promise<void> {
  const res = await fetch(
    `${world.server.url}/v1/projects/${projectId}/requests/${requestId}/vote`,
    {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': randomUUID(), Authorization: `Bearer ${token}` },
    },
  )
  expect(res.status).toBe(200)
}

/** Who each stored request was written by (`s:<sub>` or `a:<anonymous id>`), read from the database. */
export async function authorsOf(world: World, projectId: string): Promise<Record<string, string>> {
  const rows = await world.server.store.db.query<{ title: string; author_voter: string }>(
    'SELECT title, author_voter FROM requests WHERE project_id = $1',
    [projectId],
  )
  return Object.fromEntries(rows.map((row) => [row.title, row.author_voter]))
}

/** The site owner's backlog, read through the admin API. */
export async function backlog(
  world: World,
  projectId: string,
  sort: BacklogSort = 'new',
): Promise<BacklogRequest[]> {
  const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}/backlog?sort=${sort}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { requests: BacklogRequest[] }).requests
}
