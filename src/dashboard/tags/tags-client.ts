import type {
  BacklogRequest,
  RequestTag,
  TagInput,
  TagResponse,
  TagsResponse,
} from '../../shared/api'
import type { AdminClient, AdminResult } from '../api/admin-client'

/** The tag calls (spec v3 "Tags"), over the shared AdminClient's `call`. */
export interface TagsClient {
  list(projectId: string): Promise<AdminResult<TagsResponse>>
  create(projectId: string, tag: TagInput): Promise<AdminResult<TagResponse>>
  /** Rename, recolour or both. */
  update(
    projectId: string,
    tagId: string,
    changes: Partial<TagInput>,
  ): Promise<AdminResult<TagResponse>>
  /** Deletes the tag; every request carrying it loses it. */
  remove(projectId: string, tagId: string): Promise<AdminResult<unknown>>
  /** The request's tags become exactly these. */
  setRequestTags(
    projectId: string,
    requestId: string,
    tagIds: string[],
  ): Promise<AdminResult<{ request: BacklogRequest }>>
}

export function tagsClient(client: AdminClient): TagsClient {
  const project = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`
  const tag = (projectId: string, tagId: string) =>
    `${project(projectId)}/tags/${encodeURIComponent(tagId)}`
  return {
    list: (projectId) => client.call('GET', `${project(projectId)}/tags`),
    create: (projectId, body) => client.call('POST', `${project(projectId)}/tags`, body),
    update: (projectId, tagId, changes) => client.call('PATCH', tag(projectId, tagId), changes),
    remove: (projectId, tagId) => client.call('DELETE', tag(projectId, tagId)),
    setRequestTags: (projectId, requestId, tagIds) =>
      client.call('PATCH', `${project(projectId)}/requests/${encodeURIComponent(requestId)}`, {
        tagIds,
      }),
  }
}

/** A request's tag ids with `tagId` added or taken off: what a change of one tag sends. */
export function tagIdsWith(
  tags: Pick<RequestTag, 'id'>[],
  tagId: string,
  present: boolean,
): string[] {
  const ids = tags.map((t) => t.id).filter((id) => id !== tagId)
  return present ? [...ids, tagId] : ids
}
