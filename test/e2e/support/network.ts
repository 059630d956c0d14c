// What the page sent over the network, as Chromium saw it.
import type { Page } from 'playwright-core'
import type { TestServer } from '../../helpers/start-server'

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
