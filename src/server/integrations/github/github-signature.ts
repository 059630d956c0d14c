import { verify } from '@octokit/webhooks-methods'
import type { InboundDelivery } from '../trackers/issue-tracker'

/**
 * GitHub signs every delivery with the webhook's secret: `X-Hub-Signature-256:
 * sha256=<hex HMAC-SHA256 of the raw body>`. Checked by @octokit/webhooks-methods (constant-time
 * comparison); a missing header or an empty body is simply not verified.
 */
export async function verifyGitHubSignature(
  delivery: InboundDelivery,
  secret: string,
): Promise<boolean> {
  const signature = delivery.header('x-hub-signature-256')
  if (!signature || !secret || delivery.rawBody === '') return false
  try {
    return await verify(secret, delivery.rawBody, signature)
  } catch {
    return false
  }
}
