/**
 * Feedback as customers send it from the widget (signed identity tokens), so the MCP tests have
 * requests with identified voters, companies and revenue to work on.
 */

import type { AdminRequestDetail, BacklogRequest } from '../../../src/shared/api'
import { audienceFor } from '../../../src/shared/identity'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'

export const PRO = { plan: 'pro', amount: 4900, interval: 'month' }
export const STARTER = { plan: 'starter', amount: 900, interval: 'month' }

export interface Customer {
  sub: string
  traits?: Record<string, unknown>
  company?: { id: string; name?: string }
}

export function customerFeedback(server: TestServer, projectId: string, secret: string) {
  async function headersFor(customer: Customer) {
    const token = await mintToken(secret, {
      sub: customer.sub,
      aud: audienceFor(projectId),
      email: `${customer.sub}@example.com`,
      traits: customer.traits,
      company: customer.company,
    })
    return { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
  }
  const admin = async <T>(path: string): Promise<T> => {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}${path}`)
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`)
    return (await res.json()) as T
  }
  return {
    /** A request filed by `author` (whose vote counts); answers its id. */
    async submit(author: Customer, title: string, body = ''): Promise<string> {
      const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
        method: 'POST',
        headers: await headersFor(author),
        body: JSON.stringify({ title, body }),
      })
      if (res.status !== 201) throw new Error(`submit answered ${res.status}: ${await res.text()}`)
      return ((await res.json()) as { request: { id: string } }).request.id
    },
    async vote(requestId: string, voter: Customer): Promise<void> {
      const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
        method: 'POST',
        headers: await headersFor(voter),
      })
      if (res.status !== 200) throw new Error(`vote answered ${res.status}: ${await res.text()}`)
    },
    backlog: async () =>
      (await admin<{ requests: BacklogRequest[] }>('/backlog?sort=new&limit=200')).requests,
    detail: async (requestId: string) =>
      (await admin<{ request: AdminRequestDetail }>(`/requests/${requestId}`)).request,
    audit: async () =>
      (await admin<{ entries: Array<{ actor: string; action: string; target: string }> }>('/audit'))
        .entries,
  }
}
