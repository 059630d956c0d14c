/**
 * What the editing tests share (spec v3 "Editing your own words"): callers of the public API as
 * a person (identity token, optionally on a device with its own anonymous id) or an anonymous
 * id, over real HTTP.
 */
import type {
  CommentResponse,
  RequestDetailResponse,
  RequestResponse,
} from '../../../src/shared/api'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../../src/shared/identity'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'

export interface Caller {
  token?: string
  anonymousId?: string
}

export function publicApi(server: TestServer, projectId: string) {
  const call = (method: string, path: string, who: Caller, body?: unknown) => {
    const headers: Record<string, string> = {}
    if (who.anonymousId) headers[ANONYMOUS_ID_HEADER] = who.anonymousId
    if (who.token) headers.Authorization = `Bearer ${who.token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    return fetch(`${server.url}/v1/projects/${projectId}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }
  return {
    call,
    async submit(who: Caller, title: string, body = '') {
      const res = await call('POST', '/requests', who, { title, body })
      if (res.status !== 201) throw new Error(`submit answered ${res.status}: ${await res.text()}`)
      return ((await res.json()) as RequestResponse).request
    },
    async comment(who: Caller, requestId: string, body: string) {
      const res = await call('POST', `/requests/${requestId}/comments`, who, { body })
      if (res.status !== 201) throw new Error(`comment answered ${res.status}: ${await res.text()}`)
      return ((await res.json()) as CommentResponse).comment
    },
    vote: (who: Caller, requestId: string) => call('POST', `/requests/${requestId}/vote`, who),
    editComment: (who: Caller, requestId: string, commentId: string, body: unknown) =>
      call('PATCH', `/requests/${requestId}/comments/${commentId}`, who, body),
    deleteComment: (who: Caller, requestId: string, commentId: string) =>
      call('DELETE', `/requests/${requestId}/comments/${commentId}`, who),
    editRequest: (who: Caller, requestId: string, body: unknown) =>
      call('PATCH', `/requests/${requestId}`, who, body),
    async detail(who: Caller, requestId: string) {
      const res = await call('GET', `/requests/${requestId}`, who)
      if (res.status !== 200) throw new Error(`detail answered ${res.status}`)
      return ((await res.json()) as RequestDetailResponse).request
    },
    identify: (who: Caller) => call('POST', '/identify', who),
  }
}

export function personToken(secret: string, projectId: string, sub: string) {
  return mintToken(secret, { sub, aud: audienceFor(projectId), name: sub })
}

export async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code
}

export async function allowAnonymousComments(server: TestServer, projectId: string) {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}`, {
    method: 'PATCH',
    body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
  })
  if (res.status !== 200) throw new Error(`settings answered ${res.status}`)
}
