import type { ServerConfig } from '../config'
import { refuseIfLimited } from '../http/rate-limit'
import type { Limits } from './limits'

const HOUR_MS = 3_600_000

export type CommentCapsConfig = Pick<
  ServerConfig,
  'commentsPerPersonPerRequestPerHour' | 'commentsPerRequestPerHour'
>

/**
 * Caps on public comments (spec v3 "Hardening"): per person per request per hour, and per
 * request per hour from everyone, so neither one author nor many (fresh anonymous ids, several
 * IPs) can grow a thread without bound. Past either, `429 rate_limited` with Retry-After. The
 * buckets live in `Limits`, so they hold across processes on PostgreSQL. `requestId` is the
 * request that receives the comment (after a merge, the one it went into).
 */
export async function takeCommentAllowance(
  limits: Limits,
  config: CommentCapsConfig,
  comment: { projectId: string; requestId: string; voter: string },
): Promise<void> {
  const thread = `comments\u0000${comment.projectId}\u0000${comment.requestId}`
  refuseIfLimited(
    await limits.hit(
      `${thread}\u0000${comment.voter}`,
      config.commentsPerPersonPerRequestPerHour,
      HOUR_MS,
    ),
    'comments_per_person',
  )
  refuseIfLimited(
    await limits.hit(thread, config.commentsPerRequestPerHour, HOUR_MS),
    'comments_per_request',
  )
}
