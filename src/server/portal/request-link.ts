import { publicRequestLink } from '../../shared/request-link'
import type { ProjectRecord } from '../store'
import { portalSettingsOf } from './portal-settings'

/**
 * The link people get to one of a project's requests, in emails and anywhere else the server
 * writes one: `{siteUrl}?reqio-request={rid}` when the project set its site, else the portal
 * page under `publicUrl` (REQIO_PUBLIC_URL, else this server's own address).
 */
export function requestLinkOf(
  project: Pick<ProjectRecord, 'id' | 'settings'>,
  requestId: string,
  publicUrl: string,
): string {
  return publicRequestLink({
    siteUrl: portalSettingsOf(project).siteUrl,
    publicUrl,
    projectId: project.id,
    requestId,
  })
}
