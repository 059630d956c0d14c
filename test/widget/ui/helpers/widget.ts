import { configure, prettyDOM, within } from '@testing-library/preact'
import { vi } from 'vitest'
import { createWidget } from '../../../../src/widget/core'
import type {
  ReqioEventMap,
  ReqioEventName,
  WidgetConfig,
  WidgetUi,
} from '../../../../src/widget/types'
import { createUi, SETTLE_MS } from '../../../../src/widget/ui'
import { currentServer, type RealServer } from './real-server'

const mountedUis: WidgetUi[] = []

// Testing Library cannot print a ShadowRoot when a query fails; print its markup instead.
configure({
  getElementError: (message, container) => {
    const root = container as unknown as ShadowRoot
    const error = new Error(`${message}\n\n${prettyDOM(root.firstElementChild ?? undefined) || ''}`)
    error.name = 'TestingLibraryElementError'
    return error
  },
})

/**
 * Boots the real core (config, identity, API client, events) with our UI, against the real
 * server (the test's own project, see real-server.ts) through the page's network: tests see
 * the requests that really go out.
 */
export function startWidget(
  options: { config?: Partial<WidgetConfig>; server?: RealServer; mount?: boolean } = {},
) {
  const server = options.server ?? currentServer()
  vi.stubGlobal('fetch', vi.fn(server.fetch))
  const config: WidgetConfig = {
    projectId: server.projectId,
    apiUrl: server.url,
    position: 'bottom-right',
    launcher: 'default',
    theme: 'light',
    ...options.config,
  }
  const widget = createWidget(config, (core) => {
    const ui = createUi(core)
    mountedUis.push(ui)
    return ui
  })
  const events: Array<{ name: ReqioEventName; payload: unknown }> = []
  for (const name of ['open', 'close', 'submit', 'vote', 'error', 'token_expired'] as const) {
    widget.core.on(name, (payload: ReqioEventMap[typeof name]) => events.push({ name, payload }))
  }
  if (options.mount !== false) widget.mount()
  const host = () => document.querySelector('reqio-widget') as HTMLElement
  const shadow = () => host().shadowRoot as ShadowRoot
  /** Testing Library queries scoped to the widget's shadow root. */
  const ui = () => within(shadow() as unknown as HTMLElement)
  return {
    server,
    widget,
    reqio: widget.reqio,
    events,
    host,
    shadow,
    ui,
    eventsNamed: (name: ReqioEventName) =>
      events.filter((e) => e.name === name).map((e) => e.payload),
    /** The element focused inside our shadow root. */
    focused: () => shadow().activeElement,
  }
}

/** Removes every widget from the page and forgets what it stored, between tests. */
export function resetPage() {
  for (const ui of mountedUis.splice(0)) ui.destroy()
  localStorage.clear()
  vi.unstubAllGlobals()
}

/** What survives a reload: localStorage; the page's widget is torn down and booted again. */
export function reload(
  w: ReturnType<typeof startWidget>,
  options: Parameters<typeof startWidget>[0] = {},
) {
  const stored = { ...localStorage }
  resetPage()
  for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value)
  return startWidget({ server: w.server, ...options })
}

/**
 * Boots a widget and lets the host page settle, so its background work (the launcher's request,
 * the updates count, the outbox) has run: `boot` is startWidget, or a reload of an earlier page.
 */
export async function settledWidget(
  boot: () => ReturnType<typeof startWidget>,
): Promise<ReturnType<typeof startWidget>> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    const w = boot()
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 1000)
    return w
  } finally {
    vi.useRealTimers()
  }
}
