import type { ChangelogEntry } from '../../shared/api'
import type { AudienceResponse } from '../../shared/notifications'
import type { AdminClient, AdminResult } from '../api/admin-client'

/** The changelog calls the shared AdminClient does not name: who would hear, unpublish, delete. */
export interface ChangelogClient {
  /** Who publishing an entry that ships these requests would tell (nobody for none). */
  audience(projectId: string, requestIds: string[]): Promise<AdminResult<AudienceResponse>>
  /** Back to a draft: it leaves What's new; its requests keep their status. */
  unpublish(projectId: string, entryId: string): Promise<AdminResult<{ entry: ChangelogEntry }>>
  remove(projectId: string, entryId: string): Promise<AdminResult<unknown>>
}

export function changelogClient(client: AdminClient): ChangelogClient {
  const changelog = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/changelog`
  const entry = (projectId: string, entryId: string) =>
    `${changelog(projectId)}/${encodeURIComponent(entryId)}`
  return {
    audience: (projectId, requestIds) =>
      client.call(
        'GET',
        `${changelog(projectId)}/audience?requestIds=${requestIds.map(encodeURIComponent).join(',')}`,
      ),
    unpublish: (projectId, entryId) =>
      client.call('PATCH', entry(projectId, entryId), { publish: false }),
    remove: (projectId, entryId) => client.call('DELETE', entry(projectId, entryId)),
  }
}
