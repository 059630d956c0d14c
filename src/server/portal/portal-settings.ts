import type { ProjectRecord } from '../store'

/** The portal's project settings (spec/api.md v3 "A home on the web: the portal"). */
export interface PortalSettings {
  enabled: boolean
  indexable: boolean
  /** A host name that serves this project's portal at `/`, or null. */
  domain: string | null
  /** Where the widget is installed: links add `reqio-request={rid}` to it. */
  siteUrl: string | null
  /** The customer's sign-in redirect for the portal's "Sign in". */
  ssoUrl: string | null
}

interface StoredPortalFields {
  siteUrl?: string | null
  ssoUrl?: string | null
  portal?: { enabled?: boolean; indexable?: boolean; domain?: string | null } | null
}

/**
 * The one place the portal reads its settings, defaulting whatever a project has not set.
 * (portal-pages and portal-settings own this file; this copy keeps the agreed shape so the
 * SSO code compiles on its own branch.)
 */
export function portalSettingsOf(project: ProjectRecord): PortalSettings {
  const stored = project.settings as unknown as StoredPortalFields
  return {
    enabled: stored.portal?.enabled ?? true,
    indexable: stored.portal?.indexable ?? false,
    domain: stored.portal?.domain ?? null,
    siteUrl: stored.siteUrl ?? null,
    ssoUrl: stored.ssoUrl ?? null,
  }
}
