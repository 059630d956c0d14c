/**
 * The project's public portal and where its links land (spec/api.md "A home on the web: the
 * portal"), set in the dashboard's Settings › Portal. `portal` is stored per project like the
 * widget's settings; `siteUrl` and `ssoUrl` are columns of their own.
 */

export interface PortalSettings {
  /** `false`: every portal page, the feed and the sitemap answer 404. */
  enabled: boolean
  /** `true`: search engines may index the portal (no `noindex`). */
  indexable: boolean
  /** A host name (lowercase, no port) that serves this portal at `/`, or null. */
  domain: string | null
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  enabled: true,
  indexable: false,
  domain: null,
}

/** RFC 1123 host names as people type them into DNS: letters, digits, hyphens, dots. */
const HOST_LABEL = /^(?!-)[a-z\d-]{1,63}(?<!-)$/
const HOST_NAME_MAX_LENGTH = 253

/** `Feedback.Example.com.` → `feedback.example.com`: one spelling per host, as `Host` compares. */
export function normaliseHostName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '')
}

/**
 * A host name a proxy can point at Reqio: at least two labels (`localhost` and bare words are
 * not someone's domain), no scheme, port, path, IP literal or wildcard. Expects it normalised.
 */
export function isPortalHostName(name: string): boolean {
  if (name.length === 0 || name.length > HOST_NAME_MAX_LENGTH) return false
  const labels = name.split('.')
  if (labels.length < 2 || !labels.every((label) => HOST_LABEL.test(label))) return false
  // An IPv4 address is all digits; its last label never is for a real domain.
  return !/^\d+$/.test(labels[labels.length - 1] ?? '')
}

/** `https://…` or `http://…` with a host: where a browser can be sent. */
export function isAbsoluteHttpUrl(text: string): boolean {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return false
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
}

/**
 * Whatever the column holds (null before any change, or a value written by an older or newer
 * version), read as complete settings: unknown values fall back to the defaults one by one.
 */
export function readPortalSettings(stored: unknown): PortalSettings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>
  const flag = (value: unknown, fallback: boolean) =>
    typeof value === 'boolean' ? value : fallback
  const domain = typeof raw.domain === 'string' ? normaliseHostName(raw.domain) : ''
  return {
    enabled: flag(raw.enabled, DEFAULT_PORTAL_SETTINGS.enabled),
    indexable: flag(raw.indexable, DEFAULT_PORTAL_SETTINGS.indexable),
    domain: isPortalHostName(domain) ? domain : null,
  }
}

/** A stored URL column read as one a browser can be sent to, else null. */
export function readAbsoluteUrl(stored: unknown): string | null {
  return typeof stored === 'string' && isAbsoluteHttpUrl(stored) ? stored : null
}
