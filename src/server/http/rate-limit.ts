import type { MiddlewareHandler } from 'hono'
import type { ServerConfig } from '../config'
import { identityRequired } from '../errors'
import { clientNetwork } from '../limits/client-network'
import type { Limits } from '../limits/limits'
import type { LimitVerdict } from '../limits/rate-limiter'
import { clientIp } from './client-address'
import type { AppEnv } from './env'
import { isNewRequest, takeNewRequestToken } from './new-request-cap'
import { type LimitName, RateLimitedError } from './rate-limited'

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

export type PublicLimitsConfig = Pick<
  ServerConfig,
  | 'rateLimitPerMinute'
  | 'ipWritesPerMinute'
  | 'ipReadsPerMinute'
  | 'anonVotersPerIpPerHour'
  | 'newRequestsPerIpPerProjectPerHour'
>

const isRead = (method: string) => method === 'GET' || method === 'HEAD'

/** Public reads per IP, before anything touches the database (unknown project ids included). */
export function limitPublicReads(
  limiter: Limits,
  config: PublicLimitsConfig,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isRead(c.req.method)) {
      const network = clientNetwork(clientIp(c))
      refuseIfLimited(
        await limiter.spend(`read\u0000${network}`, config.ipReadsPerMinute, MINUTE_MS),
        'ip_reads',
      )
    }
    return next()
  }
}

/**
 * spec/api.md "Abuse limits" for writes under /v1/projects/:projectId/*, after resolveCaller:
 * per IP whatever id or token comes with them, per person, and, for anonymous votes and
 * submissions, a cap on distinct anonymous ids per IP and project per hour, so minting a fresh
 * id per call no longer buys a fresh budget; new requests per IP and project per hour for every
 * caller (http/new-request-cap.ts). `requireIdentity` refuses anonymous ones.
 */
export function limitPublicWrites(
  limiter: Limits,
  config: PublicLimitsConfig,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method
    if (method === 'OPTIONS' || isRead(method)) return next()
    const network = clientNetwork(clientIp(c))
    const project = c.get('project')
    const actor = c.get('actor')
    const anonymous = actor !== null && actor.person === null
    // Votes, submissions and comments all live under /requests.
    const feedback = c.req.path.includes('/requests')
    if (feedback && project.settings.requireIdentity && !actor?.person) {
      throw identityRequired('This project needs you to be signed in.')
    }
    refuseIfLimited(
      await limiter.spend(`write\u0000${network}`, config.ipWritesPerMinute, MINUTE_MS),
      'ip_writes',
    )
    if (actor) {
      const personKey = `person\u0000${project.id}\u0000${actor.voter}`
      refuseIfLimited(
        await limiter.spend(personKey, config.rateLimitPerMinute, MINUTE_MS),
        'person_writes',
      )
    }
    if (anonymous && feedback) {
      const verdict = await limiter.admit(
        `${project.id}\u0000${network}`,
        actor.voter,
        config.anonVotersPerIpPerHour,
        HOUR_MS,
      )
      refuseIfLimited(verdict, 'anonymous_voters')
    }
    if (isNewRequest(c)) {
      refuseIfLimited(
        await takeNewRequestToken(c, limiter, config.newRequestsPerIpPerProjectPerHour),
        'new_requests',
      )
    }
    return next()
  }
}

export function refuseIfLimited(verdict: LimitVerdict, limit: LimitName): void {
  if (verdict.allowed) return
  throw new RateLimitedError(limit, verdict.retryAfterSeconds)
}
