import { expect } from 'vitest'
import { audienceFor } from '../../../src/shared/identity'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'

/** A project's customers as the tests of people/ write them: through the public API. */
export function customersOf(server: TestServer, projectId: string, secret: string) {
  const token = (sub: string, claims: Record<string, unknown> = {}, nowMs?: number) =>
    mintToken(secret, { sub, aud: audienceFor(projectId), ...claims }, { nowMs })
  const publicFetch = async (
    path: string,
    init: RequestInit & { auth?: string; anon?: string },
  ) => {
    const headers = new Headers(init.headers)
    headers.set('X-Reqio-Anonymous-Id', init.anon ?? 'anon-people-test')
    if (init.auth) headers.set('Authorization', `Bearer ${init.auth}`)
    if (init.body !== undefined) headers.set('Content-Type', 'application/json')
    return fetch(`${server.url}/v1/projects/${projectId}${path}`, { ...init, headers })
  }
  return {
    token,
    async submit(title: string, auth?: string): Promise<string> {
      const res = await publicFetch('/requests', {
        method: 'POST',
        auth,
        body: JSON.stringify({ title }),
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as { request: { id: string } }).request.id
    },
    async vote(requestId: string, auth: string): Promise<void> {
      const res = await publicFetch(`/requests/${requestId}/vote`, { method: 'POST', auth })
      expect(res.status).toBe(200)
    },
    async comment(requestId: string, body: string, auth: string): Promise<string> {
      const res = await publicFetch(`/requests/${requestId}/comments`, {
        method: 'POST',
        auth,
        body: JSON.stringify({ body }),
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as { comment: { id: string } }).comment.id
    },
  }
}

export async function adminJson<T>(
  server: TestServer,
  path: string,
  init: RequestInit = {},
  status = 200,
): Promise<T> {
  const res = await server.adminFetch(path, init)
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return (text ? JSON.parse(text) : null) as T
}
