import { ANONYMOUS_ID_HEADER, IDEMPOTENCY_KEY_HEADER } from '../shared/identity'
import { fetchJson, type JsonRequest } from './http'
import type { Identity } from './identity'
import type { ApiFailure, ApiResult, WidgetApi, WidgetConfig } from './types'

/**
 * The widget's API client. Every call carries the identity headers: the anonymous id always,
 * and the bearer token whenever someone has been identified. A request whose token the
 * server calls expired is renewed and retried once.
 */
export function createWidgetApi(
  config: Pick<WidgetConfig, 'apiUrl' | 'projectId'>,
  identity: Identity,
): WidgetApi {
  const projectUrl = `${config.apiUrl}/v1/projects/${encodeURIComponent(config.projectId)}`

  async function call<T>(
    method: JsonRequest['method'],
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResult<T>> {
    // Read now, with the token: who asked is who the request speaks for, even if reset() follows.
    const anonymousId = identity.anonymousId()
    const send = (token: string | undefined) =>
      fetchJson<T>({
        method,
        url: projectUrl + path,
        body,
        headers: {
          ...extraHeaders,
          [ANONYMOUS_ID_HEADER]: anonymousId,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      })

    // Reads never wait for an identity: the board stays readable with a bad or stale token.
    // (A read is never sent as somebody else, though: identity_changed stays refused.)
    const orAnonymous = (failed: { ok: false; error: ApiFailure }) =>
      method === 'GET' && /^token_/.test(failed.error.code) ? send(undefined) : failed
    const authorization = await identity.authorize()
    if (!authorization.ok) return orAnonymous(authorization)
    const result = await send(authorization.token)
    if (result.ok || !authorization.token) return result
    if (result.error.code !== 'token_expired') return orAnonymous(result)

    const renewed = await identity.authorizeAfterRejection(authorization.token)
    return renewed.ok ? send(renewed.token) : orAnonymous(renewed)
  }

  const requestPath = (id: string) => `/requests/${encodeURIComponent(id)}`
  const commentPath = (requestId: string, commentId: string) =>
    `${requestPath(requestId)}/comments/${encodeURIComponent(commentId)}`

  return {
    getProject: (locale) =>
      call('GET', locale ? `/widget?locale=${encodeURIComponent(locale)}` : '/widget'),
    listRequests: (params) => {
      // Empty parameters stay off the URL: an empty q is no search.
      const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value))
      return call('GET', `/requests?${query}`)
    },
    submitRequest: (body, idempotencyKey) =>
      call('POST', '/requests', body, { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
    vote: (requestId) => call('POST', `${requestPath(requestId)}/vote`),
    unvote: (requestId) => call('DELETE', `${requestPath(requestId)}/vote`),
    follow: (requestId) => call('POST', `${requestPath(requestId)}/follow`),
    unfollow: (requestId) => call('DELETE', `${requestPath(requestId)}/follow`),
    identify: () => call('POST', '/identify'),
    getRequest: (requestId) => call('GET', requestPath(requestId)),
    olderComments: (requestId, cursor) =>
      call('GET', `${requestPath(requestId)}/comments?cursor=${encodeURIComponent(cursor)}`),
    postComment: (requestId, body, idempotencyKey, attachmentIds) =>
      call(
        'POST',
        `${requestPath(requestId)}/comments`,
        { body, attachmentIds },
        {
          [IDEMPOTENCY_KEY_HEADER]: idempotencyKey,
        },
      ),
    editComment: (requestId, commentId, body) =>
      call('PATCH', commentPath(requestId, commentId), { body }),
    deleteComment: (requestId, commentId) => call('DELETE', commentPath(requestId, commentId)),
    editRequest: (requestId, edit) => call('PATCH', requestPath(requestId), edit),
    uploadAttachment: (image) => call('POST', '/attachments', image),
    roadmap: () => call('GET', '/roadmap'),
    changelog: () => call('GET', '/changelog'),
    updates: () => call('GET', '/updates'),
    readUpdates: (ids) => call('POST', '/updates/read', ids ? { ids } : {}),
  }
}
