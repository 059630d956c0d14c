import http from 'node:http'
import https from 'node:https'
import type { OutboundGuard } from '../../outbound/outbound-guard'

/** Only the status matters; a reply body past this is not read to its end. */
const MAX_REPLY_BYTES = 64 * 1024

export class WebhookTimeoutError extends Error {
  override name = 'TimeoutError'
}

/**
 * POSTs `body` and answers the status code once the reply's head arrives; rejects if that
 * takes longer than `timeoutMs`, the connection fails or the guard refuses the address.
 * Redirects are not followed.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  guard: OutboundGuard,
): Promise<number> {
  const post: WebhookPost = { target: new URL(url), headers, body, timeoutMs }
  try {
    return await postOnce(post, guard)
  } catch (error) {
    // A kept-alive connection the endpoint closed just as we reused it: the request never
    // reached the endpoint's code, so sending again on a fresh connection is safe (and the
    // webhook-id lets a receiver drop a repeat anyway).
    if ((error as { reusedSocket?: boolean }).reusedSocket) return postOnce(post, guard)
    throw error
  }
}

interface WebhookPost {
  target: URL
  headers: Record<string, string>
  body: string
  timeoutMs: number
}

function postOnce(
  { target, headers, body, timeoutMs }: WebhookPost,
  guard: OutboundGuard,
): Promise<number> {
  const send = target.protocol === 'https:' ? https.request : http.request
  // The guard's agents keep a pool of connections per endpoint (node:http costs a quarter of
  // what fetch() does per request, on the thread the API runs on) and connect only to checked
  // addresses.
  const agent = guard.agentFor(target)
  return new Promise((resolve, reject) => {
    const request = send(target, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    })
    const deadline = setTimeout(() => {
      request.destroy(new WebhookTimeoutError(`timed out after ${timeoutMs / 1000} s`))
    }, timeoutMs)
    request.on('response', (response) => {
      clearTimeout(deadline)
      resolve(response.statusCode ?? 0)
      let read = 0
      response.on('data', (chunk: Buffer) => {
        read += chunk.length
        if (read > MAX_REPLY_BYTES) response.destroy()
      })
      response.on('error', () => {})
    })
    request.on('error', (error) => {
      clearTimeout(deadline)
      const failedEarly =
        request.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET'
      reject(Object.assign(error, { reusedSocket: failedEarly }))
    })
    request.end(body)
  })
}
