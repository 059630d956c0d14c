import type { RequestTag } from '../../../src/shared/api'
import type { TestServer } from '../../helpers/start-server'
import { adminJson } from '../people/people-fixtures'

/** The admin calls the tag tests make, over HTTP with the admin token. */
export function tagsApi(server: TestServer, projectId: string) {
  const base = `/v1/admin/projects/${projectId}`
  const send = (method: string, body?: unknown): RequestInit => ({
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return {
    base,
    async create(name: string, color = '#1d4ed8'): Promise<RequestTag> {
      const { tag } = await adminJson<{ tag: RequestTag }>(
        server,
        `${base}/tags`,
        send('POST', { name, color }),
        201,
      )
      return tag
    },
    async list(): Promise<RequestTag[]> {
      return (await adminJson<{ tags: RequestTag[] }>(server, `${base}/tags`)).tags
    },
    tagRequest(requestId: string, tagIds: string[]) {
      return server.adminFetch(`${base}/requests/${requestId}`, send('PATCH', { tagIds }))
    },
    send,
  }
}

/** The names of tags as an answer lists them. */
export const tagNames = (request: { tags: RequestTag[] }) => request.tags.map((tag) => tag.name)
