import type { Context } from 'hono'
import { clientNetwork } from '../limits/client-network'
import type { Limits } from '../limits/limits'
import type { LimitVerdict } from '../limits/rate-limiter'
import { clientIp } from './client-address'
import type { AppEnv } from './env'

const HOUR_MS = 3_600_000

/**
 * POST /v1/projects/:projectId/requests or the portal's POST /p/:projectId/requests: a new
 * request (votes and comments have longer paths).
 */
const NEW_REQUEST_PATH = /^\/(?:v1\/projects|p)\/[^/]+\/requests$/

export function isNewRequest(c: Context<AppEnv>): boolean {
  return c.req.method === 'POST' && NEW_REQUEST_PATH.test(c.req.path)
}

/**
 * spec/api.md v3 "Hardening (round three)": at most `perHour` new requests per client network
 * per project per hour (REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR), a burst of that many,
 * then one more every hour / perHour. Without it one IP filed 36,000 requests an hour through
 * its 20 anonymous ids, each inside the per-IP and per-person write budgets.
 *
 * It counts every caller, identified ones too: an identified person already has the per-person
 * budget, but one IP with many tokens (or a relay posting for its users) is still one IP, and a
 * busy office behind one NAT files far fewer than 60 ideas an hour in one project. `hit` is exact
 * across processes on PostgreSQL (one row per bucket), unlike `spend`, which settles later.
 */
export function takeNewRequestToken(
  c: Context<AppEnv>,
  limiter: Limits,
  perHour: number,
): Promise<LimitVerdict> {
  const network = clientNetwork(clientIp(c))
  return limiter.hit(`new-request\u0000${c.get('project').id}\u0000${network}`, perHour, HOUR_MS)
}
