import { ANONYMOUS_ID_HEADER, IDEMPOTENCY_KEY_HEADER } from '../../../src/shared/identity'

/** A visitor of the customer's site, through the public API the widget uses. */
export function visitor(server: { url: string }, projectId: string, token?: string) {
  const anonymousId = crypto.randomUUID()
  const headers = (extra: Record<string, string> = {}) => ({
    [ANONYMOUS_ID_HEADER]: anonymousId,
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...extra,
  })
  const base = `${server.url}/v1/projects/${projectId}`
  return {
    async submit(title: string): Promise<string> {
      const response = await fetch(`${base}/requests`, {
        method: 'POST',
        headers: headers({
          'Content-Type': 'application/json',
          [IDEMPOTENCY_KEY_HEADER]: crypto.randomUUID(),
        }),
        body: JSON.stringify({ title }),
      })
      if (response.status !== 201)
        throw new Error(`submit: ${response.status} ${await response.text()}`)
      return ((await response.json()) as { request: { id: string } }).request.id
    },
    async comment(requestId: string, body: string): Promise<string> {
      const response = await fetch(`${base}/requests/${requestId}/comments`, {
        method: 'POST',
        headers: headers({
          'Content-Type': 'application/json',
          [IDEMPOTENCY_KEY_HEADER]: crypto.randomUUID(),
        }),
        body: JSON.stringify({ body }),
      })
      if (response.status !== 201)
        throw new Error(`comment: ${response.status} ${await response.text()}`)
      return ((await response.json()) as { comment: { id: string } }).comment.id
    },
    async vote(requestId: string): Promise<void> {
      const response = await fetch(`${base}/requests/${requestId}/vote`, {
        method: 'POST',
        headers: headers(),
      })
      if (response.status !== 200)
        throw new Error(`vote: ${response.status} ${await response.text()}`)
    },
  }
}
