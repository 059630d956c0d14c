// An image goes dark with what it is attached to: when the team deletes a request (spam) or
// hides a comment, GET of its url answers 404 at once, though a browser already holding it may
// keep its copy; a restore or an unhide serves it again. The row stays meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommentResponse, RequestResponse } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { pngImage } from './image-fixtures'
import { uploaded } from './upload-client'

describe.each(storeBackends())(
  'images of deleted requests and hidden comments on the $name database',
  (backend) => {
    let server: TestServer
    let projectId: string

    beforeAll(async () => {
      server = await startTestServer({ databaseUrl: backend.databaseUrl })
      projectId = (await server.createProject('Withheld')).project.id
      const settings = await server.adminFetch(`/v1/admin/projects/${projectId}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
      })
      expect(settings.status).toBe(200)
    })
    afterAll(async () => {
      await server.close()
    })

    const anonymous = { anonymousId: 'anon-withheld' }
    const image = async () =>
      uploaded(server.url, projectId, await pngImage(), 'image/png', anonymous)
    const served = async (url: string) => (await fetch(`${server.url}${url}`)).status

    async function post<T>(path: string, body: unknown): Promise<T> {
      const res = await fetch(`${server.url}/v1/projects/${projectId}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Reqio-Anonymous-Id': anonymous.anonymousId,
        },
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(201)
      return (await res.json()) as T
    }

    const admin = (path: string, method: string, body?: unknown) =>
      server.adminFetch(`/v1/admin/projects/${projectId}${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })

    it('stops serving a deleted request’s images and its comments’ images, and serves them again on restore', async () => {
      const onRequest = await image()
      const onComment = await image()
      const { request } = await post<RequestResponse>('/requests', {
        title: 'Spam with a picture',
        attachmentIds: [onRequest.id],
      })
      await post<CommentResponse>(`/requests/${request.id}/comments`, {
        body: 'and another',
        attachmentIds: [onComment.id],
      })
      expect([await served(onRequest.url), await served(onComment.url)]).toEqual([200, 200])

      expect((await admin(`/requests/${request.id}`, 'DELETE')).status).toBe(204)
      expect([await served(onRequest.url), await served(onComment.url)]).toEqual([404, 404])

      expect((await admin(`/requests/${request.id}/restore`, 'POST')).status).toBe(200)
      expect([await served(onRequest.url), await served(onComment.url)]).toEqual([200, 200])
    })

    it('stops serving a hidden comment’s images until it is shown again', async () => {
      const shot = await image()
      const { request } = await post<RequestResponse>('/requests', { title: 'A fair question' })
      const { comment } = await post<CommentResponse>(`/requests/${request.id}/comments`, {
        body: 'rude words and a rude picture',
        attachmentIds: [shot.id],
      })
      expect(await served(shot.url)).toBe(200)

      expect((await admin(`/comments/${comment.id}`, 'PATCH', { hidden: true })).status).toBe(200)
      expect(await served(shot.url)).toBe(404)

      expect((await admin(`/comments/${comment.id}`, 'PATCH', { hidden: false })).status).toBe(200)
      expect(await served(shot.url)).toBe(200)
    })
  },
)
