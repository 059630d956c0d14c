import type { WidgetConfig } from '../types'

/**
 * One host element with an open shadow root: the host page's CSS cannot reach in, ours cannot
 * leak out. Returns the element the UI renders into, and how to add a sheet later (the panel's,
 * parsed only when it is about to be needed).
 */
export function mountShadowHost(
  config: WidgetConfig,
  css: string,
): { host: HTMLElement; root: HTMLElement; addSheet(css: string): void } {
  const host = document.createElement('reqio-widget')
  const shadow = host.attachShadow({ mode: 'open' })
  // Constructed stylesheets are not inline styles, so a strict style-src CSP allows them. A
  // browser without them (before 2023) throws here, and the core reports it: no widget rather
  // than an unstyled one.
  const addSheet = (text: string) => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(text)
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet]
  }
  addSheet(css)
  const root = document.createElement('div')
  root.className = 'r'
  root.dataset.theme = config.theme
  root.dataset.launcher = config.launcher
  // Position and accent: widget-settings.ts, which also applies the dashboard's.
  shadow.append(root)
  ;(document.body || document.documentElement).append(host)
  return { host, root, addSheet }
}
