import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { OutboundGuard } from './outbound-guard'

/** One POST to a receiver the team named (a webhook endpoint, Slack's incoming webhook). */
export interface GuardedPost {
  url: string
  headers: Record<string, string>
  body: string
  timeoutMs: number
  /** The error a request that outlives `timeoutMs` is ended with. */
  timeoutError: () => Error
}

/**
 * Reads the receiver's answer and calls `settle` with what the caller needs (the status as
 * soon as the head arrives, or the body once read): the deadline stops there. It must keep a
 * long body from being read to its end.
 */
export type ReadAnswer<T> = (response: IncomingMessage, settle: (answer: T) => void) => void

/**
 * POSTs through the guard's agents: checked addresses only, and kept-alive connections (node:http
 * costs a quarter of what fetch() does per request, on the thread the API runs on). Redirects are
 * not followed. A kept-alive connection the receiver closed just as it was reused is tried once
 * more on a fresh one: the request never reached the receiver, so it cannot arrive twice.
 */
export async function guardedPost<T>(
  post: GuardedPost,
  guard: OutboundGuard,
  readAnswer: ReadAnswer<T>,
): Promise<T> {
  const target = new URL(post.url)
  try {
    return await postOnce(target, post, guard, readAnswer)
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket)
      return postOnce(target, post, guard, readAnswer)
    throw error
  }
}

function postOnce<T>(
  target: URL,
  { headers, body, timeoutMs, timeoutError }: GuardedPost,
  guard: OutboundGuard,
  readAnswer: ReadAnswer<T>,
): Promise<T> {
  const send = target.protocol === 'https:' ? https.request : http.request
  return new Promise((resolve, reject) => {
    const request = send(target, {
      method: 'POST',
      agent: guard.agentFor(target),
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    })
    const deadline = setTimeout(() => request.destroy(timeoutError()), timeoutMs)
    request.on('response', (response) => {
      response.on('error', () => {})
      readAnswer(response, (answer) => {
        clearTimeout(deadline)
        resolve(answer)
      })
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
