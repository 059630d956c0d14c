import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  type InboundDelivery,
  type IssueRef,
  type NewIssue,
  type TrackerEnv,
  TrackerRefusedError,
} from '../trackers/issue-tracker'
import { sendTrackerRequest } from '../trackers/tracker-http'
import { linearIdentifierOf } from './linear-changes'

/** Linear signs the body's `webhookTimestamp`; a delivery further from now is refused. */
export const LINEAR_TIMESTAMP_TOLERANCE_MS = 60_000

/**
 * Checks a Linear webhook delivery (https://linear.app/developers/webhooks#securing-webhooks):
 * `Linear-Signature` is the hex HMAC-SHA256 of the raw body with the webhook's signing secret,
 * and the signed body's `webhookTimestamp` (ms) is within a minute of now either way, so a
 * captured delivery cannot be replayed later. @linear/sdk's LinearWebhookClient does the same
 * against Date.now(); this one reads the server's clock, which tests and a skewed host set. The
 * two agree on every delivery of test/server/integrations/linear/linear-changes.test.ts (the
 * SDK is a dev dependency for that check alone).
 */
export function verifyLinearDelivery(delivery: InboundDelivery, secret: string): boolean {
  const signature = delivery.header('linear-signature')?.trim()
  if (!signature || !/^[0-9a-fA-F]{64}$/.test(signature)) return false
  const expected = createHmac('sha256', secret).update(delivery.rawBody, 'utf8').digest()
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return false
  const timestamp = webhookTimestampOf(delivery.rawBody)
  return timestamp !== null && Math.abs(delivery.now - timestamp) <= LINEAR_TIMESTAMP_TOLERANCE_MS
}

function webhookTimestampOf(rawBody: string): number | null {
  try {
    const { webhookTimestamp } = JSON.parse(rawBody) as { webhookTimestamp?: unknown }
    return typeof webhookTimestamp === 'number' && Number.isFinite(webhookTimestamp)
      ? webhookTimestamp
      : null
  } catch {
    return null
  }
}

const ISSUE_CREATE = `mutation ReqioIssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { id identifier url } }
}`

interface GraphqlAnswer {
  data?: {
    issueCreate?: {
      success?: unknown
      issue?: { identifier?: unknown; url?: unknown } | null
    } | null
  } | null
  errors?: Array<{ message?: unknown; extensions?: { userPresentableMessage?: unknown } }>
}

/**
 * Creates the issue in the team with Linear's GraphQL `issueCreate` at REQIO_LINEAR_API_URL,
 * with the owner's personal API key in `Authorization` as Linear documents for those keys (the
 * key itself, no `Bearer`). Answers the new issue's identifier and URL; rejects with
 * TrackerRefusedError (whose message never holds the key) when Linear refuses or cannot be
 * reached.
 */
export async function createLinearIssue(
  credentials: { token: string; teamId: string },
  issue: NewIssue,
  env: TrackerEnv,
): Promise<IssueRef> {
  let answer: { status: number; body: unknown }
  try {
    answer = await sendTrackerRequest(
      {
        url: env.config.linearApiUrl,
        method: 'POST',
        headers: { authorization: credentials.token },
        body: {
          query: ISSUE_CREATE,
          variables: {
            input: { teamId: credentials.teamId, title: issue.title, description: issue.body },
          },
        },
      },
      env.guard,
    )
  } catch (error) {
    throw new TrackerRefusedError(
      `Linear could not be reached: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const body = (answer.body ?? {}) as GraphqlAnswer
  const refusal = Array.isArray(body.errors) ? body.errors[0] : undefined
  if (refusal) {
    const said = refusal.extensions?.userPresentableMessage ?? refusal.message
    throw new TrackerRefusedError(
      `Linear refused the issue: ${typeof said === 'string' ? said : 'no reason given'}`,
      answer.status,
    )
  }
  const created = body.data?.issueCreate
  const identifier = linearIdentifierOf(created?.issue?.identifier)
  const url = created?.issue?.url
  if (answer.status >= 300 || created?.success !== true || !identifier || typeof url !== 'string')
    throw new TrackerRefusedError(
      `Linear did not create the issue (HTTP ${answer.status}).`,
      answer.status,
    )
  return { key: identifier, url }
}
