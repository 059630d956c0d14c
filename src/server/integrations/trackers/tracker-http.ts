import http from 'node:http'
import https from 'node:https'
import type { OutboundGuard } from '../../outbound/outbound-guard'

/** A tracker's answer: its status and its JSON body (null when it sent none or not JSON). */
export interface TrackerAnswer {
  status: number
  body: unknown
}

/** Trackers answer a create with a few kB; anything far past that is not read to its end. */
const MAX_ANSWER_BYTES = 1024 * 1024
const DEFAULT_TIMEOUT_MS = 10_000

/**
 * Sends one JSON request to a tracker's API through the outbound guard (the same gate webhooks
 * and Slack go through) and reads its JSON answer. Rejects when the guard refuses the address,
 * the connection fails or no answer comes within `timeoutMs`; any HTTP status resolves.
 */
export function sendTrackerRequest(
  input: {
    url: string
    method: 'POST' | 'GET'
    headers: Record<string, string>
    body?: unknown
    timeoutMs?: number
  },
  guard: OutboundGuard,
): Promise<TrackerAnswer> {
  const target = new URL(input.url)
  const send = target.protocol === 'https:' ? https.request : http.request
  const payload = input.body === undefined ? null : JSON.stringify(input.body)
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'application/json', ...input.headers }
    if (payload !== null) {
      headers['content-type'] = 'application/json'
      headers['content-length'] = String(Buffer.byteLength(payload))
    }
    const request = send(target, { method: input.method, agent: guard.agentFor(target), headers })
    const deadline = setTimeout(() => {
      request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`))
    }, timeoutMs)
    request.on('response', (response) => {
      const chunks: Buffer[] = []
      let read = 0
      response.on('data', (chunk: Buffer) => {
        read += chunk.length
        if (read > MAX_ANSWER_BYTES) {
          response.destroy(new Error('the answer is too large'))
          return
        }
        chunks.push(chunk)
      })
      response.on('error', (error) => {
        clearTimeout(deadline)
        reject(error)
      })
      response.on('end', () => {
        clearTimeout(deadline)
        resolve({ status: response.statusCode ?? 0, body: parseJson(Buffer.concat(chunks)) })
      })
    })
    request.on('error', (error) => {
      clearTimeout(deadline)
      reject(error)
    })
    request.end(payload ?? undefined)
  })
}

function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return null
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    return null
  }
}
