import type { SlackTestResult } from '../../../shared/api/slack'
import { guardedPost } from '../../outbound/guarded-post'
import type { OutboundGuard } from '../../outbound/outbound-guard'
import type { SlackMessage } from './slack-message'

/**
 * How a message reaches Slack: one POST of `{text, blocks}` to the project's incoming webhook,
 * through the outbound guard's agents (outbound/guarded-post.ts, as webhooks are sent).
 * Slack answers 200 `ok`, or an error status with a short reason as the body
 * (`invalid_payload`, `no_service`, `channel_is_archived`…), or 429 with Retry-After.
 */
export interface SlackAnswer {
  statusCode: number
  /** The body Slack answered, at most ANSWER_MAX characters. */
  body: string
  /** From a 429's Retry-After, in seconds (at most RETRY_AFTER_MAX); null otherwise. */
  retryAfterSeconds: number | null
}

export const SLACK_TIMEOUT_MS = 10_000
/** Slack's reasons are a word or two; anything longer is not read to its end. */
const ANSWER_MAX = 200
/** A Retry-After past an hour is taken as an hour: the retry schedule goes on from there. */
const RETRY_AFTER_MAX = 3600

export class SlackTimeoutError extends Error {
  override name = 'TimeoutError'
}

export function postToSlack(
  url: string,
  message: SlackMessage,
  guard: OutboundGuard,
  timeoutMs = SLACK_TIMEOUT_MS,
): Promise<SlackAnswer> {
  const post = {
    url,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Reqio-Slack/1',
    },
    body: JSON.stringify(message),
    timeoutMs,
    timeoutError: () => new SlackTimeoutError(`Slack did not answer within ${timeoutMs / 1000} s`),
  }
  // Slack's answer is its body (a reason word), read to its end or ANSWER_MAX characters.
  return guardedPost<SlackAnswer>(post, guard, (response, settle) => {
    let text = ''
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => {
      text += chunk
      if (text.length > ANSWER_MAX) response.destroy()
    })
    const done = () =>
      settle({
        statusCode: response.statusCode ?? 0,
        body: text.slice(0, ANSWER_MAX).trim(),
        retryAfterSeconds:
          response.statusCode === 429 ? retryAfter(response.headers['retry-after']) : null,
      })
    response.on('end', done)
    response.on('close', done)
  })
}

/** Retry-After as seconds (delta or HTTP date); 1 s when absent or unreadable. */
function retryAfter(header: string | undefined): number {
  if (!header) return 1
  const seconds = Number(header)
  const wait = Number.isFinite(seconds) ? seconds : (Date.parse(header) - Date.now()) / 1000
  if (!Number.isFinite(wait)) return 1
  return Math.min(RETRY_AFTER_MAX, Math.max(1, Math.ceil(wait)))
}

/**
 * Sends `message` now and says what happened, for "Send test message": Slack's status and body,
 * or why nothing was sent (the address refused) or answered (timeout, connection refused).
 */
export async function trySlack(
  url: string,
  message: SlackMessage,
  guard: OutboundGuard,
): Promise<SlackTestResult> {
  const problem = await guard.targetProblem(url)
  if (problem) return { ok: false, statusCode: null, answer: problem }
  try {
    const answer = await postToSlack(url, message, guard)
    const ok = answer.statusCode >= 200 && answer.statusCode < 300
    return { ok, statusCode: answer.statusCode, answer: answer.body }
  } catch (error) {
    return { ok: false, statusCode: null, answer: connectionProblem(error) }
  }
}

/** A failure to reach Slack in words (never the URL: it is the channel's secret). */
export function connectionProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (error instanceof SlackTimeoutError) return error.message
  if (code === 'ECONNREFUSED') return 'Connection refused.'
  if (code === 'ENOTFOUND') return 'The host does not resolve.'
  if (code === 'ERR_OUTBOUND_REFUSED') return (error as Error).message
  return code ? `Could not reach Slack (${code}).` : 'Could not reach Slack.'
}
