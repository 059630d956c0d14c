import type { Context } from 'hono'
import { portalStringsFor } from '../../portal/portal-strings'
import { PortalPaths, type PortalView } from '../../portal/portal-view'
import type { PersonFacts, ProjectRecord } from '../store'
import { portalBaseUrl } from './portal-base-url'
import { portalPathPrefix } from './portal-form'
import { portalLanguageOf } from './portal-language'
import { isOnPortalDomain } from './portal-session'
import { portalSettingsOf } from './portal-settings'

/**
 * Everything a page needs besides its own data, from the request: language, links (under
 * `/p/{pid}` or at the custom domain's root), absolute origin, who is signed in, where Sign in
 * goes. Only the person's display name reaches the view: never their sub, email or plan.
 */
export function portalViewFor(
  c: Context,
  project: ProjectRecord,
  person: PersonFacts | null,
  publicUrl: string | null,
): PortalView {
  const language = portalLanguageOf(c.req.query('lang'), c.req.header('accept-language'))
  const settings = portalSettingsOf(project)
  const origin = portalBaseUrl(c, project, publicUrl)
  return {
    language,
    t: portalStringsFor(language),
    project: { id: project.id, name: project.name },
    paths: new PortalPaths(portalPathPrefix(c, project)),
    origin,
    indexable: settings.indexable,
    viewer: person ? { name: person.name?.trim() || null } : null,
    ssoUrl: settings.ssoUrl,
    pageUrl: currentPageUrl(c, project, origin),
  }
}

/** The view of a page outside any known project: the visitor's language, no links out. */
export function bareViewFor(c: Context, projectId: string, origin: string): PortalView {
  const language = portalLanguageOf(c.req.query('lang'), c.req.header('accept-language'))
  return {
    language,
    t: portalStringsFor(language),
    project: { id: projectId, name: 'Reqio' },
    paths: new PortalPaths(`/p/${encodeURIComponent(projectId)}`),
    origin,
    indexable: false,
    viewer: null,
    ssoUrl: null,
    pageUrl: `${origin}${new URL(c.req.url).pathname}`,
  }
}

/** The absolute URL of the page being shown, as the visitor sees it (custom domain included). */
function currentPageUrl(c: Context, project: ProjectRecord, origin: string): string {
  const url = new URL(c.req.url)
  let path = url.pathname
  const prefix = `/p/${encodeURIComponent(project.id)}`
  if (isOnPortalDomain(c, project) && (path === prefix || path.startsWith(`${prefix}/`))) {
    path = path.slice(prefix.length) || '/'
  }
  return `${origin}${path}${url.search}`
}
