/**
 * The team's tools (spec/api.md v3 "The team's tools"): what GET …/integrations says is set up,
 * the inbound secret a tracker's set-up answers once, and the tracker issues linked to a request.
 * No answer here ever carries a token, a secret (but the one POST that makes it) or a Slack
 * webhook URL in full.
 */

/** The trackers a request can be linked to. */
export const ISSUE_TRACKER_KINDS = ['github', 'linear'] as const
export type IssueTrackerKind = (typeof ISSUE_TRACKER_KINDS)[number]

/** Slack, as GET …/integrations shows it: where it posts, never the URL itself. */
export interface SlackIntegrationInfo {
  /** e.g. `https://hooks.slack.com/…/abcd`: enough to tell two set-ups apart, useless to post. */
  webhookUrlHint: string
  /** The events it hears; null: the default set. */
  events: string[] | null
  updatedAt: string
}

/** What every tracker's set-up shows. */
interface TrackerIntegrationInfo {
  /** A token is stored (creating issues needs one); the token itself is never answered. */
  tokenSet: boolean
  /** Where the tracker's webhook must post (`POST /v1/integrations/{kind}/{pid}`). */
  inboundUrl: string
  createdAt: string
  updatedAt: string
}

export interface GitHubIntegrationInfo extends TrackerIntegrationInfo {
  /** `owner/name`: where "Create GitHub issue" opens issues; null until given. */
  repository: string | null
}

export interface LinearIntegrationInfo extends TrackerIntegrationInfo {
  /** The Linear team new issues go to; null until given. */
  teamId: string | null
}

/** `GET /v1/admin/projects/{pid}/integrations`: null for a tool that is not set up. */
export interface IntegrationsResponse {
  slack: SlackIntegrationInfo | null
  github: GitHubIntegrationInfo | null
  linear: LinearIntegrationInfo | null
}

/** `POST …/integrations/{github|linear}`: the inbound webhook secret, shown only here. */
export interface TrackerSecretResponse {
  secret: string
}

/** A tracker issue linked to a request. */
export interface RequestLinkInfo {
  id: string
  url: string
  kind: IssueTrackerKind
}

export interface RequestLinksResponse {
  links: RequestLinkInfo[]
}

export interface RequestLinkResponse {
  link: RequestLinkInfo
}

/** `POST /v1/integrations/{kind}/{pid}`: how many requests the delivery moved (0 for most). */
export interface TrackerInboundResponse {
  moved: number
}
