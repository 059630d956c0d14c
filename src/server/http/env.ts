import type { TeamMember } from '../auth/team-actor'
import type { Clock } from '../clock'
import type { ServerConfig } from '../config'
import type { IdentityVerifier } from '../identity/identity-verifier'
import type { Notifications } from '../jobs'
import type { Logger } from '../logger'
import type { Actor, ProjectRecord, Store } from '../store'
import type { RateLimiter } from './rate-limit'
import type { ReadCaches } from './read-caches'

/** What createApp is given. */
export interface AppDeps {
  store: Store
  /** adminToken must be resolved (see admin-token.ts) before the app is built. */
  config: ServerConfig & { adminToken: string }
  clock: Clock
  logger: Logger
  /** The job queue and mail transport (index.ts starts its runner); createApp makes an idle one if absent. */
  notifications?: Notifications
}

/** What every route file receives: the deps plus the per-process helpers createApp builds. */
export interface RouteDeps extends AppDeps {
  verifier: IdentityVerifier
  rateLimiter: RateLimiter
  caches: ReadCaches
  notifications: Notifications
}

/** Hono context variables set by middleware. */
export interface AppEnv {
  Variables: {
    /** Set on /v1/projects/:projectId/* once the project exists. */
    project: ProjectRecord
    /** Who is calling a public endpoint; null when neither a token nor an anonymous id came. */
    actor: Actor | null
    /** The anonymous id header, when valid. */
    anonymousId: string | null
    /** On /v1/admin/*: the signed-in member, or null when the admin token authorised the call. */
    teamMember: TeamMember | null
  }
}
