import type * as v from 'valibot'
import type { RequestStatus } from '../../../shared/api'
import type { ServerConfig } from '../../config'
import type { OutboundGuard } from '../../outbound/outbound-guard'
import type { IntegrationRecord } from '../../store/integrations-store'
import type { TrackerKind } from '../../store/request-links-store'

export type { TrackerKind } from '../../store/request-links-store'

/** An issue as a link names it: the tracker's own key for it and the URL people open. */
export interface IssueRef {
  /** How the tracker's webhooks name the issue (GitHub `owner/name#n`, Linear `KEY-n`). */
  key: string
  /** The issue's page, as the tracker gives it (canonical form). */
  url: string
}

/** What "Create issue" sends: the request's title and a body that links back to it. */
export interface NewIssue {
  title: string
  body: string
  /** The request in the dashboard (also inside `body`), for trackers with a link field. */
  requestUrl: string
}

/** What a tracker call is given besides the set-up: the server's config and the outbound gate. */
export interface TrackerEnv {
  config: ServerConfig
  guard: OutboundGuard
}

/**
 * One webhook delivery from a tracker, as it arrived: verification needs the raw body
 * byte for byte, so nothing here is parsed yet.
 */
export interface InboundDelivery {
  rawBody: string
  /** A request header, case-insensitively; undefined when absent. */
  header(name: string): string | undefined
  /** Now, from the server's clock (for trackers that sign a timestamp). */
  now: number
}

/** What an inbound event means for linked requests: the issue and the status they move to. */
export interface InboundChange {
  issueKey: string
  status: RequestStatus
}

/**
 * A create or a call the tracker refused or could not take (bad token, unknown repository, down):
 * the route answers it as a 4xx with this message, which never holds the token.
 */
export class TrackerRefusedError extends Error {
  override name = 'TrackerRefusedError'
  constructor(
    message: string,
    /** The tracker's HTTP status, when it answered. */
    readonly trackerStatus: number | null = null,
  ) {
    super(message)
  }
}

/**
 * An issue tracker Reqio links requests to (GitHub, Linear): how its issue URLs read, how its
 * set-up is given, how an issue is created there, and how its webhooks are checked and read.
 * The registry (registry.ts) holds one per kind; routes only ever talk to this interface.
 */
export interface IssueTracker<Settings extends Record<string, unknown> = Record<string, unknown>> {
  readonly kind: TrackerKind
  /** The tracker's name for people ("GitHub"). */
  readonly label: string
  /** The issue a pasted URL names, or null when the URL is not one of this tracker's issues. */
  parseIssueUrl(url: string): IssueRef | null
  /**
   * POST …/integrations/{kind} body: `token` plus the kind's own settings (GitHub
   * `repository`, Linear `teamId`). Every field optional: what is omitted stays as stored.
   */
  readonly setupSchema: v.GenericSchema<unknown, { token?: string } & Partial<Settings>>
  /** The stored settings a set-up body makes, given what was stored before (null: nothing). */
  settingsOf(body: Partial<Settings>, stored: Settings | null): Settings
  /** What GET …/integrations may show of the settings (never the token or secret). */
  describe(setup: IntegrationRecord<Settings>): Record<string, string | boolean | null>
  /**
   * Why this set-up cannot create issues (no token, no repository), or null when it can;
   * the route answers it as 409 before calling out.
   */
  createProblem(setup: IntegrationRecord<Settings> | null): string | null
  /** Creates the issue with the set-up's token; rejects with TrackerRefusedError. */
  createIssue(
    setup: IntegrationRecord<Settings>,
    issue: NewIssue,
    env: TrackerEnv,
  ): Promise<IssueRef>
  /** True when the delivery carries a good signature made with `secret` (and, if signed, a fresh time). */
  verifyInbound(delivery: InboundDelivery, secret: string): Promise<boolean>
  /** The change a verified delivery asks for, or null for events that move nothing (ping, edits). */
  readInbound(delivery: InboundDelivery): InboundChange | null
}
