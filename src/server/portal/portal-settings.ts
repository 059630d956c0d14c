import { DEFAULT_PORTAL_SETTINGS, type ProjectSettings } from '../../shared/api'
import type { ProjectRecord } from '../store'

/** Everything the portal's pages, links and custom domain need to know about a project. */
export interface ProjectPortalSettings {
  /** `false`: every portal page, the feed and the sitemap answer 404. */
  enabled: boolean
  /** `true`: no `noindex`, and search engines may list the pages. */
  indexable: boolean
  /** The host name that serves this portal at `/` (lowercase, no port), or null. */
  domain: string | null
  /** Where the widget is installed: links to a request land there, or null. */
  siteUrl: string | null
  /** The customer's sign-in route for the portal, or null (no "Sign in"). */
  ssoUrl: string | null
}

/**
 * The one reader of a project's portal settings. The store has already read the stored values
 * as complete settings (defaults where a field was never set, src/shared/api/portal-settings.ts);
 * this flattens them into what the portal asks about. A record built without them (a test's
 * fixture, a cache entry from before an upgrade) reads as the defaults.
 */
export function portalSettingsOf(project: {
  settings: Partial<ProjectSettings> | ProjectRecord['settings']
}): ProjectPortalSettings {
  const { portal = DEFAULT_PORTAL_SETTINGS, siteUrl = null, ssoUrl = null } = project.settings
  return {
    enabled: portal.enabled,
    indexable: portal.indexable,
    domain: portal.domain,
    siteUrl,
    ssoUrl,
  }
}
