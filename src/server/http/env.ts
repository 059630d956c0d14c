import type { ApiKeyCache, ApiKeyCaller } from '../auth/api-key-cache'
import type { InviteDelivery } from '../auth/invite-delivery'
import type { AuthFailureLimiter } from '../auth/login-throttle'
import type { Clock } from '../clock'
import type { ServerConfig } from '../config'
import type { IdentityVerifier } from '../identity/identity-verifier'
import type { Notifications } from '../jobs'
import type { Lifecycle } from '../lifecycle'
import type { Limits } from '../limits/limits'
import type { Logger } from '../logger'
import type { AppMetrics } from '../metrics/app-metrics'
import type { Actor, ProjectRecord, Store } from '../store'
import type { TeamMember } from '../store/members-store'
import type { ClientAddress } from './client-address'
import type { ReadCaches } from './read-caches'

/** What createApp is given. */
export interface AppDeps {
  store: Store
  /** adminToken must be resolved (see admin-token.ts) before the app is built. */
  config: ServerConfig & { adminToken: string }
  clock: Clock
  logger: Logger
  /** How invite links reach people; default: shown to copy only (auth/invite-delivery.ts). */
  inviteDelivery?: InviteDelivery
  /** The job queue and mail transport (index.ts starts its runner); createApp makes an idle one if absent. */
  notifications?: Notifications
  /** The rate limits; default: shared in PostgreSQL when the store is, else in memory (limits/limits.ts). */
  limits?: Limits
  /** Set draining by index.ts on SIGTERM (then /readyz answers 503); createApp makes one if absent. */
  lifecycle?: Lifecycle
  /** The app's metrics registry; default: the one its notifications count into. */
  metrics?: AppMetrics
}

/** What every route file receives: the deps plus the per-process helpers createApp builds. */
export interface RouteDeps extends AppDeps {
  verifier: IdentityVerifier
  /** Every rate limit; shared through PostgreSQL when the store is (limits/limits.ts). */
  rateLimiter: Limits
  caches: ReadCaches
  /** Failed sign-ins per email and per IP (auth/login-throttle.ts). */
  authFailures: AuthFailureLimiter
  notifications: Notifications
  lifecycle: Lifecycle
  /** This process's memory of live API keys (auth/api-key-cache.ts). */
  apiKeys: ApiKeyCache
}

/**
 * A credential that was tried and refused (http/auth-failure.ts): worth a `warn` line in the
 * request log (someone guessing, or a customer's server signing with an old secret). Not a missing
 * credential: a dashboard opened before sign-in is not an attack.
 */
export type AuthFailure =
  | 'admin_token'
  | 'password'
  | 'identity_token'
  | 'metrics_token'
  /** An issue tracker's webhook signed with another secret (routes/tracker-inbound.ts). */
  | 'tracker_signature'

/** Hono context variables set by middleware. */
export interface AppEnv {
  Variables: {
    /** Set first on every request (http/client-address.ts). */
    clientAddress: ClientAddress
    /** Set on /v1/projects/:projectId/* and /v1/admin/projects/:id/* once the project exists. */
    project: ProjectRecord
    /** Who is calling a public endpoint; null when neither a token nor an anonymous id came. */
    actor: Actor | null
    /** The anonymous id header, when valid. */
    anonymousId: string | null
    /** On /v1/admin/*: the signed-in member, or null when the admin token authorised the call. */
    teamMember: TeamMember | null
    /** On /v1/admin/*: the API key that authorised the call (teamMember is null then). */
    apiKey: ApiKeyCaller | undefined
    /** Every request: X-Request-Id, kept from the caller when safe (request-id.ts). */
    requestId: string
    /** Set when a credential was tried and refused (auth-failure.ts); logged at warn. */
    authFailure: AuthFailure | undefined
  }
}
