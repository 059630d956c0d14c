/**
 * A Slack incoming webhook on 127.0.0.1 that answers as Slack documents
 * (https://api.slack.com/messaging/webhooks#handling_errors): 200 `ok` for a message it
 * accepts; 400 `invalid_payload` for a body that is not a message (not JSON, no text and no
 * blocks, blocks past Block Kit's limits); 404 `no_service` for a path it does not serve. It can
 * be told to answer 500 `rollup_error` or 429 `rate_limited` (with Retry-After) to the next
 * messages, or to be down (connections refused), and keeps every message it accepted.
 *
 *   const slack = await startFakeSlack()
 *   ... POST .../integrations/slack {webhookUrl: slack.webhookUrl} ...
 *   await slack.waitFor(1); slack.messages[0].text
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SlackPost {
  text?: string
  blocks?: { type: string; [field: string]: unknown }[]
}

export interface FakeSlack {
  /** An incoming webhook URL this server serves (its path carries a made-up secret). */
  webhookUrl: string
  /** Accepted messages, in arrival order. */
  messages: SlackPost[]
  /** Every answer given, in order: the status and the body. */
  answers: { status: number; body: string }[]
  /** Answer these to the next requests, in order, then 200 `ok`. */
  failures: ({ status: 500 } | { status: 429; retryAfter: number } | { status: 404 })[]
  /** Resolves once `count` messages were accepted (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>
  /** Stops listening (connections refused) until up() is called. */
  down(): Promise<void>
  up(): Promise<void>
  close(): Promise<void>
}

/** The whole text a message shows: `text` and every string inside its blocks. */
export function messageText(message: SlackPost): string {
  const strings: string[] = []
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(value)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object') Object.values(value).forEach(walk)
  }
  walk(message.blocks)
  return `${message.text ?? ''}\n${strings.join('\n')}`
}

const SECRET_PATH = '/services/T0REQIO/B0TEST/fakeSlackSecretXYZ1'

export async function startFakeSlack(): Promise<FakeSlack> {
  const waiters: { count: number; resolve: () => void }[] = []
  let port = 0
  const fake: FakeSlack = {
    webhookUrl: '',
    messages: [],
    answers: [],
    failures: [],
    waitFor(count, timeoutMs = 10_000) {
      if (fake.messages.length >= count) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`fake Slack got ${fake.messages.length} of ${count} messages`)),
          timeoutMs,
        )
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          },
        })
      })
    },
    down: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
    up: () => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve())),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        if (!server.listening) return resolve()
        server.close(() => resolve())
      }),
  }

  const answer = (res: ServerResponse, status: number, body: string, headers = {}) => {
    fake.answers.push({ status, body })
    res.writeHead(status, { 'content-type': 'text/html', ...headers }).end(body)
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== SECRET_PATH) return answer(res, 404, 'no_service')
      const failure = fake.failures.shift()
      if (failure?.status === 500) return answer(res, 500, 'rollup_error')
      if (failure?.status === 404) return answer(res, 404, 'no_service')
      if (failure?.status === 429)
        return answer(res, 429, 'rate_limited', { 'retry-after': String(failure.retryAfter) })
      let message: SlackPost
      try {
        message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SlackPost
      } catch {
        return answer(res, 400, 'invalid_payload')
      }
      const problem = payloadProblem(message)
      if (problem) return answer(res, 400, problem)
      fake.messages.push(message)
      answer(res, 200, 'ok')
      for (const waiter of [...waiters]) {
        if (fake.messages.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  fake.webhookUrl = `http://127.0.0.1:${port}${SECRET_PATH}`
  return fake
}

/** Block Kit's documented limits for the blocks Reqio sends; Slack refuses a message past them. */
function payloadProblem(message: SlackPost): string | null {
  if (!message || typeof message !== 'object') return 'invalid_payload'
  const blocks = message.blocks
  if (blocks === undefined)
    return typeof message.text === 'string' && message.text ? null : 'no_text'
  if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > 50) return 'invalid_blocks'
  for (const block of blocks) {
    const text = block.text as { type?: string; text?: unknown } | undefined
    if (block.type === 'header') {
      if (text?.type !== 'plain_text' || typeof text.text !== 'string' || text.text.length > 150)
        return 'invalid_blocks'
    } else if (block.type === 'section') {
      if (typeof text?.text !== 'string' || !text.text || text.text.length > 3000)
        return 'invalid_blocks'
    } else if (block.type === 'context') {
      const elements = block.elements as { type: string; text: string }[] | undefined
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10)
        return 'invalid_blocks'
      if (elements.some((e) => typeof e.text !== 'string' || !e.text || e.text.length > 3000))
        return 'invalid_blocks'
    } else return 'invalid_blocks'
  }
  return null
}
