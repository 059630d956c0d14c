import { type Logger, silentLogger } from '../logger'
import { AccountMrrHistoryStore } from './account-mrr-history'
import { ApiKeysStore } from './api-keys-store'
import { AttachmentsStore } from './attachments-store'
import { AudienceStore } from './audience-store'
import { AuditStore } from './audit-store'
import { BacklogStore } from './backlog-store'
import { type ChangeFeed, localChangeFeed, postgresChangeFeed } from './change-feed'
import { ChangelogStore } from './changelog-store'
import { CommentsStore } from './comments-store'
import { CompaniesStore } from './companies-store'
import type { Db } from './db'
import { IntegrationsStore } from './integrations-store'
import { InvitesStore } from './invites-store'
import { JobsStore } from './jobs-store'
import { MailStore } from './mail-store'
import { MembersStore } from './members-store'
import { migrate } from './migrate'
import { ModerationStore } from './moderation-store'
import { OriginsStore } from './origins-store'
import { PeopleAdminStore } from './people-admin-store'
import { PeopleStore } from './people-store'
import { openPgDb } from './pg-db'
import { openPgliteDb } from './pglite-db'
import { PortalSessionsStore } from './portal-sessions-store'
import { ProjectsStore } from './projects-store'
import { RequestsStore } from './requests-store'
import { RoadmapStore } from './roadmap-store'
import { SessionsStore } from './sessions-store'
import { StripeStore } from './stripe-store'
import { TagsStore } from './tags-store'
import { UpdatesStore } from './updates-store'
import { VotesStore } from './votes-store'
import { waitForDatabase } from './wait-for-database'
import { WebhookDeliveriesStore } from './webhook-deliveries-store'
import { WebhooksStore } from './webhooks-store'

/** Everything the server keeps, behind one object; the only way the rest of the server reaches SQL. */
export interface Store {
  readonly db: Db
  readonly projects: ProjectsStore
  readonly people: PeopleStore
  /** The dashboard's people: list, search and one person's page (GDPR export and erasure too). */
  readonly peopleAdmin: PeopleAdminStore
  readonly requests: RequestsStore
  readonly votes: VotesStore
  readonly backlog: BacklogStore
  readonly companies: CompaniesStore
  readonly audit: AuditStore
  /** Tells every server process on this database which cached projects went stale. */
  readonly changes: ChangeFeed
  readonly members: MembersStore
  readonly sessions: SessionsStore
  /** Portal sign-ins through the project's ssoUrl (portal/portal-session.ts). */
  readonly portalSessions: PortalSessionsStore
  readonly invites: InvitesStore
  readonly comments: CommentsStore
  readonly roadmap: RoadmapStore
  readonly changelog: ChangelogStore
  readonly jobs: JobsStore
  readonly audience: AudienceStore
  readonly updates: UpdatesStore
  readonly mail: MailStore
  /** Webhook endpoints (the team's settings). */
  readonly webhooks: WebhooksStore
  /** What was sent to them: queued, attempted, delivered or failed. */
  readonly webhookDeliveries: WebhookDeliveriesStore
  /** Where the widget was seen (Origin of public requests). */
  readonly origins: OriginsStore
  /** Project API keys: their hashes, names and scopes (auth/api-key-auth.ts checks them). */
  readonly apiKeys: ApiKeysStore
  /** v3: deleting, restoring and approving requests (spec "Spam and deletion"). */
  readonly moderation: ModerationStore
  /** A project's tags and which requests carry them (v3). */
  readonly tags: TagsStore
  /** Uploaded images (spec/api.md v3 "Images"): bytes, uploader, what they are attached to. */
  readonly attachments: AttachmentsStore
  /** Slack, GitHub and Linear, as the project set them up (v3 "The team's tools"). */
  readonly integrations: IntegrationsStore
  /** Stripe as its webhook tells it: set-up, customers, subscriptions (v3 "The revenue ledger"). */
  readonly stripe: StripeStore
  /** Every change of an account's MRR, with its source and time. */
  readonly mrrHistory: AccountMrrHistoryStore
  close(): Promise<void>
}

export interface StoreOptions {
  /** PostgreSQL when set; otherwise the embedded database. */
  databaseUrl?: string | null
  /** Embedded database directory; null or omitted means in memory. */
  dataDir?: string | null
  /** PostgreSQL schema to use (created if missing), e.g. one per test file. */
  pgSchema?: string
  dropSchemaOnClose?: boolean
  /** PostgreSQL connections of this process (plus one for LISTEN); DATABASE_POOL_MAX. */
  poolMax?: number
  /** PostgreSQL statement_timeout of every pooled connection; 0 turns it off. */
  statementTimeoutMs?: number
  /**
   * At open, keep trying a PostgreSQL that is unreachable or not accepting connections yet for
   * this long (REQIO_DB_CONNECT_TIMEOUT_SECONDS); unset: fail at the first refusal.
   */
  waitForDatabaseSeconds?: number
  /** Where a lost connection, a reconnect or a wait at start is reported. */
  logger?: Logger
}

/** Opens the database, applies pending migrations and returns the store. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const { databaseUrl, logger } = options
  if (databaseUrl && options.waitForDatabaseSeconds !== undefined) {
    await waitForDatabase({
      connectionString: databaseUrl,
      timeoutSeconds: options.waitForDatabaseSeconds,
      logger: logger ?? silentLogger,
    })
  }
  const db = databaseUrl
    ? await openPgDb({
        connectionString: databaseUrl,
        schema: options.pgSchema,
        dropSchemaOnClose: options.dropSchemaOnClose,
        maxConnections: options.poolMax,
        statementTimeoutMs: options.statementTimeoutMs,
        logger,
      })
    : await openPgliteDb(options.dataDir ?? null, { logger })
  let changes: ChangeFeed | null = null
  try {
    await migrate(db)
    changes = databaseUrl
      ? await postgresChangeFeed({
          connectionString: databaseUrl,
          schema: options.pgSchema,
          logger,
          notify: async (channel, payload) => {
            await db.query('SELECT pg_notify($1, $2)', [channel, payload])
          },
        })
      : localChangeFeed()
  } catch (error) {
    await db.close()
    throw error
  }
  return createStore(db, changes)
}

export function createStore(db: Db, changes: ChangeFeed = localChangeFeed()): Store {
  return {
    db,
    projects: new ProjectsStore(db),
    people: new PeopleStore(db),
    peopleAdmin: new PeopleAdminStore(db),
    requests: new RequestsStore(db),
    votes: new VotesStore(db),
    backlog: new BacklogStore(db),
    companies: new CompaniesStore(db),
    audit: new AuditStore(db),
    members: new MembersStore(db),
    sessions: new SessionsStore(db),
    portalSessions: new PortalSessionsStore(db),
    invites: new InvitesStore(db),
    comments: new CommentsStore(db),
    roadmap: new RoadmapStore(db),
    changelog: new ChangelogStore(db),
    jobs: new JobsStore(db),
    audience: new AudienceStore(db),
    updates: new UpdatesStore(db),
    mail: new MailStore(db),
    webhooks: new WebhooksStore(db),
    webhookDeliveries: new WebhookDeliveriesStore(db),
    origins: new OriginsStore(db),
    apiKeys: new ApiKeysStore(db),
    moderation: new ModerationStore(db),
    tags: new TagsStore(db),
    attachments: new AttachmentsStore(db),
    integrations: new IntegrationsStore(db),
    stripe: new StripeStore(db),
    mrrHistory: new AccountMrrHistoryStore(db),
    changes,
    async close() {
      await changes.close()
      await db.close()
    },
  }
}

export type { Actor, PersonFacts, ProjectRecord, RequestRecord } from './types'
export { anonymousVoter, personVoter } from './types'
