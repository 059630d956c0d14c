import type { ProjectRecord } from '../store'

/**
 * What the portal needs from a project's settings, read in one place. portal-settings stores
 * `siteUrl`, `ssoUrl` and `portal: {enabled, indexable, domain}` in `settings`; until a project
 * has them (older rows, or before that change lands) the contract's defaults apply:
 * enabled, not indexable, no custom domain, no site or SSO URL.
 */
export interface PortalSettings {
  /** `false`: every portal page, the feed and the sitemap answer 404. */
  enabled: boolean
  /** `true`: no `noindex`, so search engines may list the pages. */
  indexable: boolean
  /** A host name that serves this project's portal at `/`, or null. */
  domain: string | null
  /** Where the widget is installed (deep links add `reqio-request`), or null. */
  siteUrl: string | null
  /** Where "Sign in" sends a visitor (with `return_to`), or null: no Sign in. */
  ssoUrl: string | null
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  enabled: true,
  indexable: false,
  domain: null,
  siteUrl: null,
  ssoUrl: null,
}

type Loose = Record<string, unknown>

function objectOr(value: unknown): Loose {
  return value && typeof value === 'object' ? (value as Loose) : {}
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

/** The project's portal settings, each field falling back to its default when absent. */
export function portalSettingsOf(project: Pick<ProjectRecord, 'settings'>): PortalSettings {
  const settings = objectOr(project.settings)
  const portal = objectOr(settings.portal)
  return {
    enabled: typeof portal.enabled === 'boolean' ? portal.enabled : DEFAULT_PORTAL_SETTINGS.enabled,
    indexable:
      typeof portal.indexable === 'boolean' ? portal.indexable : DEFAULT_PORTAL_SETTINGS.indexable,
    domain: textOrNull(portal.domain)?.toLowerCase() ?? null,
    siteUrl: textOrNull(settings.siteUrl),
    ssoUrl: textOrNull(settings.ssoUrl),
  }
}
