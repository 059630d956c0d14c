import type { BacklogRequest } from '../../shared/api'
import type { AdminClient, AdminResult } from '../api/admin-client'

/** v3 moderation's calls (spec "Spam and deletion"), over the shared AdminClient. */
export interface ModerationClient {
  /** Deletes (or, for a pending request, rejects): restorable for 30 days, nobody told. */
  remove(projectId: string, requestId: string): Promise<AdminResult<unknown>>
  restore(projectId: string, requestId: string): Promise<AdminResult<{ request: BacklogRequest }>>
  /** A pending request gets its first status and is told of as a new request. */
  approve(projectId: string, requestId: string): Promise<AdminResult<{ request: BacklogRequest }>>
}

export function moderationClient(client: AdminClient): ModerationClient {
  const request = (projectId: string, requestId: string) =>
    `/projects/${encodeURIComponent(projectId)}/requests/${encodeURIComponent(requestId)}`
  return {
    remove: (projectId, requestId) => client.call('DELETE', request(projectId, requestId)),
    restore: (projectId, requestId) =>
      client.call('POST', `${request(projectId, requestId)}/restore`, {}),
    approve: (projectId, requestId) =>
      client.call('POST', `${request(projectId, requestId)}/approve`, {}),
  }
}
