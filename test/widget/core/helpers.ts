import { vi } from 'vitest'
import type { CreateUi, WidgetConfig, WidgetCore, WidgetUi } from '../../../src/widget/types'

export const API_URL = 'https://api.reqio.test'
export const SCRIPT_SRC = `${API_URL}/widget.js`

/** A request as it left the widget, read at the network boundary. */
export interface CapturedRequest {
  method: string
  url: string
  path: string
  headers: Headers
  body: unknown
}

type Responder = (request: CapturedRequest) => Response | Promise<Response>

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

const sampleRequest = {
  id: 'r1',
  title: 'Dark mode',
  body: '',
  status: 'open',
  votes: 1,
  voted: true,
  createdAt: '2025-01-01T00:00:00.000Z',
}

/** Answers like the real server would for each endpoint. */
export const answerLikeTheServer: Responder = (request) => {
  if (request.path.endsWith('/identify')) return json({ user: { id: 'u1' } })
  if (request.path.endsWith('/widget')) return json({ project: { id: 'p1', name: 'Demo' } })
  if (request.method === 'GET') return json({ requests: [sampleRequest] })
  return json(
    { request: sampleRequest },
    request.method === 'POST' && request.path.endsWith('/requests') ? 201 : 200,
  )
}

/** Replaces fetch with a spy that records every request and answers with `responder`. */
export function captureFetch(responder: Responder = answerLikeTheServer) {
  const requests: CapturedRequest[] = []
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input))
    const request: CapturedRequest = {
      method: init?.method ?? 'GET',
      url: url.href,
      path: url.pathname,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    requests.push(request)
    return responder(request)
  })
  return { requests, spy }
}

/** An unsigned JWT-shaped token: the widget only decodes, the server verifies. */
export function makeToken(
  claims: { sub?: string; exp?: number; iat?: number } & Record<string, unknown>,
): string {
  const encode = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`
}

/** A token for `sub` valid for `secondsLeft` from the (possibly frozen) clock. */
export function tokenFor(sub: string, secondsLeft = 300): string {
  const now = Math.floor(Date.now() / 1000)
  return makeToken({ sub, iat: now - (300 - secondsLeft), exp: now + secondsLeft })
}

export function bearerOf(request: CapturedRequest | undefined): string | null {
  return request?.headers.get('Authorization') ?? null
}

export function anonymousIdOf(request: CapturedRequest | undefined): string | null {
  return request?.headers.get('X-Reqio-Anonymous-Id') ?? null
}

/** Lets pending promise chains (fetch, refresh) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
  await new Promise((resolve) => setTimeout(resolve, 0))
}

export function testConfig(overrides: Partial<WidgetConfig> = {}): WidgetConfig {
  return {
    projectId: 'p1',
    apiUrl: API_URL,
    position: 'bottom-right',
    launcher: 'default',
    theme: 'light',
    ...overrides,
  }
}

/**
 * Builds the real widget core with a stand-in UI that records what the core handed it.
 * Fresh modules each time, so "logged once" state does not leak between tests.
 */
export async function startCore(config: WidgetConfig = testConfig(), ui: Partial<WidgetUi> = {}) {
  vi.resetModules()
  const { createWidget } = await import('../../../src/widget/core')
  let core: WidgetCore | undefined
  const createUi: CreateUi = (handed) => {
    core = handed
    return { open() {}, close() {}, destroy() {}, ...ui }
  }
  const widget = createWidget(config, createUi)
  widget.mount()
  if (!core) throw new Error('the UI was not created')
  return { reqio: widget.reqio, core }
}

/** Adds our <script> tag the way a site embeds it. */
export function addWidgetScript(
  attributes: Record<string, string>,
  src = SCRIPT_SRC,
): HTMLScriptElement {
  const script = document.createElement('script')
  script.setAttribute('src', src)
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  // Never let happy-dom actually fetch it: the test imports the entry module instead.
  script.type = 'text/plain'
  document.head.append(script)
  return script
}

/** Executes widget.js as a page would: a fresh copy of the entry module each time. */
export async function loadWidgetJs(): Promise<void> {
  // happy-dom has no requestIdleCallback: this page is idle as soon as nothing else is queued.
  if (!('requestIdleCallback' in window)) {
    Object.assign(window, {
      requestIdleCallback: (task: () => void) => setTimeout(task, 0),
      cancelIdleCallback: (id: number) => clearTimeout(id),
    })
  }
  vi.resetModules()
  await import('../../../src/widget/main')
}

export function cleanPage(): void {
  document.head.innerHTML = ''
  document.body.innerHTML = ''
  delete (window as { Reqio?: unknown }).Reqio
  localStorage.clear()
  vi.restoreAllMocks()
  vi.useRealTimers()
}

export type ReqioWindow = Window & {
  Reqio: import('../../../src/widget/types').Reqio & { q?: unknown[] }
}
export const page = window as unknown as ReqioWindow
