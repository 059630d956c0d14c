import type { Context } from 'hono'
import { requestOrigin } from '../http/client-address'
import type { ProjectRecord } from '../store'
import { isOnPortalDomain } from './portal-session'

/**
 * The origin absolute portal URLs start with (canonical, OpenGraph, feed, sitemap): on the
 * project's custom domain, that host as the request reached it; else REQIO_PUBLIC_URL when set;
 * else the scheme and Host this request came to. No trailing slash.
 */
export function portalBaseUrl(
  c: Context,
  project: ProjectRecord,
  publicUrl: string | null,
): string {
  if (isOnPortalDomain(c, project)) return requestOrigin(c)
  return (publicUrl ?? requestOrigin(c)).replace(/\/+$/, '')
}
