import type { Context } from 'hono'
import { requestOrigin } from '../http/client-address'
import type { ProjectRecord } from '../store'
import { portalSettingsOf } from './portal-settings'

/** Whether this request came to the project's custom domain (its `Host` is `portal.domain`). */
export function onPortalDomain(c: Context, project: Pick<ProjectRecord, 'settings'>): boolean {
  const domain = portalSettingsOf(project).domain
  if (!domain) return false
  const host = (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '')
  return host === domain
}

/**
 * The origin absolute portal URLs start with (canonical, OpenGraph, feed, sitemap): on the
 * project's custom domain, that host; else REQIO_PUBLIC_URL when set; else the scheme and Host
 * this request came to. No trailing slash.
 */
export function portalBaseUrl(
  c: Context,
  project: Pick<ProjectRecord, 'settings'>,
  publicUrl: string | null,
): string {
  if (onPortalDomain(c, project)) {
    const { protocol } = new URL(requestOrigin(c))
    return `${protocol}//${portalSettingsOf(project).domain}`
  }
  return (publicUrl ?? requestOrigin(c)).replace(/\/+$/, '')
}

/** The path the portal's pages hang from: `/p/{pid}`, or `` on the custom domain. */
export function portalRootPath(c: Context, project: ProjectRecord): string {
  return onPortalDomain(c, project) ? '' : `/p/${encodeURIComponent(project.id)}`
}
