import { warnOnce } from './log'
import type { LauncherPosition, Theme, WidgetConfig } from './types'

const SCRIPT_FALLBACK_SELECTOR = 'script[src*="widget.js"][data-project-id]'

/**
 * Our own <script> tag. `document.currentScript` is null in some loaders (and once the script
 * has finished executing), so fall back to the last tag that looks like ours.
 */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript as HTMLScriptElement | null
  if (current?.hasAttribute('data-project-id')) return current
  const candidates = doc.querySelectorAll<HTMLScriptElement>(SCRIPT_FALLBACK_SELECTOR)
  return candidates[candidates.length - 1] ?? current
}

/**
 * Reads every setting once from our script tag's data-* attributes. Without a project id
 * there is nothing to talk to: one warning, and undefined (the widget then stays inert).
 */
export function readWidgetConfig(doc: Document = document): WidgetConfig | undefined {
  const script = findOwnScript(doc)
  const attribute = (name: string): string | undefined =>
    script?.getAttribute(`data-${name}`)?.trim() || undefined

  const projectId = attribute('project-id')
  if (!projectId) {
    warnOnce('widget.js needs data-project-id; not started.')
    return undefined
  }

  return {
    projectId,
    token: attribute('identity-token'),
    apiUrl: resolveApiUrl(attribute('api-url'), script, doc),
    // Absent unless the tag says: then the dashboard's setting applies (ui/widget-settings.ts).
    position:
      oneOf<LauncherPosition | ''>(attribute('position'), ['', 'bottom-right', 'bottom-left']) ||
      undefined,
    launcher: oneOf(attribute('launcher'), ['default', 'none']),
    theme: oneOf<Theme>(attribute('theme'), ['light', 'dark', 'auto']),
    accent: cssValue(attribute('accent')),
    locale: attribute('locale') || doc.documentElement.lang.trim() || undefined,
  }
}

/** `data-api-url`, else the origin that served widget.js; never with a trailing slash. */
function resolveApiUrl(
  explicit: string | undefined,
  script: HTMLScriptElement | null,
  doc: Document,
): string {
  try {
    if (explicit) return new URL(explicit, doc.baseURI).href.replace(/\/+$/, '')
    const src = script?.getAttribute('src')
    if (src) return new URL(src, doc.baseURI).origin
  } catch {
    // An unparsable URL: fall back to the page's origin below.
  }
  return doc.location?.origin ?? ''
}

/** The attribute when it is one of the allowed values, else the first (the default). */
function oneOf<T extends string>(value: string | undefined, allowed: readonly [T, ...T[]]): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : allowed[0]
}

/** Refuses values that would break out of the CSS custom property the UI puts them in. */
function cssValue(value: string | undefined): string | undefined {
  return value && !/[;{}<>]/.test(value) ? value : undefined
}
