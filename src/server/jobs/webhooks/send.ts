import { guardedPost } from '../../outbound/guarded-post'
import type { OutboundGuard } from '../../outbound/outbound-guard'

/** Only the status matters; a reply body past this is not read to its end. */
const MAX_REPLY_BYTES = 64 * 1024

export class WebhookTimeoutError extends Error {
  override name = 'TimeoutError'
}

/**
 * POSTs `body` and answers the status code once the reply's head arrives; rejects if that
 * takes longer than `timeoutMs`, the connection fails or the guard refuses the address.
 * Redirects are not followed; a reused connection closed under it is tried once more (the
 * webhook-id lets a receiver drop a repeat anyway).
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  guard: OutboundGuard,
): Promise<number> {
  const timeoutError = () => new WebhookTimeoutError(`timed out after ${timeoutMs / 1000} s`)
  return guardedPost({ url, headers, body, timeoutMs, timeoutError }, guard, (response, settle) => {
    settle(response.statusCode ?? 0)
    let read = 0
    response.on('data', (chunk: Buffer) => {
      read += chunk.length
      if (read > MAX_REPLY_BYTES) response.destroy()
    })
  })
}
