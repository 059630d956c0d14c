/**
 * Small steps the notification tests repeat: people submit and vote through the real public
 * API, the team changes a status through the admin API.
 */
import { randomUUID } from 'node:crypto'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../src/shared/identity'
import type { TestServer } from './start-server'
import { mintToken } from './tokens'

export interface Person {
  /** Headers that make a call come from this person. */
  headers: Record<string, string>
}

export async function customer(
  secret: string,
  projectId: string,
  claims: { sub: string; email?: string; amount?: number },
  nowMs?: number,
): Promise<Person> {
  const token = await mintToken(
    secret,
    {
      sub: claims.sub,
      aud: audienceFor(projectId),
      email: claims.email,
      traits:
        claims.amount === undefined
          ? undefined
          : { plan: 'pro', amount: claims.amount, interval: 'month' },
    },
    { nowMs },
  )
  return { headers: { Authorization: `Bearer ${token}`, [ANONYMOUS_ID_HEADER]: randomUUID() } }
}

export function visitor(): Person {
  return { headers: { [ANONYMOUS_ID_HEADER]: randomUUID() } }
}

export async function submit(
  server: TestServer,
  projectId: string,
  person: Person,
  title: string,
): Promise<string> {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: { ...person.headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (res.status !== 201) throw new Error(`submit answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { request: { id: string } }).request.id
}

export async function vote(
  server: TestServer,
  projectId: string,
  person: Person,
  requestId: string,
  method: 'POST' | 'DELETE' = 'POST',
): Promise<void> {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
    method,
    headers: person.headers,
  })
  if (res.status !== 200) throw new Error(`vote answered ${res.status}: ${await res.text()}`)
}

export async function patchRequest(
  server: TestServer,
  projectId: string,
  requestId: string,
  patch: Record<string, unknown>,
): Promise<void> {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${requestId}`, {
    method: 'PATCH',
    body: JSON.stringify(patch),
  })
  if (res.status !== 200) throw new Error(`PATCH answered ${res.status}: ${await res.text()}`)
}

export async function addWebhook(
  server: TestServer,
  projectId: string,
  url: string,
  events?: string[],
): Promise<{ id: string; secret: string }> {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/webhooks`, {
    method: 'POST',
    body: JSON.stringify(events ? { url, events } : { url }),
  })
  if (res.status !== 201) throw new Error(`webhook answered ${res.status}: ${await res.text()}`)
  const body = (await res.json()) as { webhook: { id: string }; secret: string }
  return { id: body.webhook.id, secret: body.secret }
}
