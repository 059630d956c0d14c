import type { AdminClient, AdminResult } from '../api/admin-client'

/** The events a Slack channel can hear (spec/api.md v3 "Slack"), with what each means. */
export const SLACK_EVENT_CHOICES = [
  { type: 'request.created', label: 'A request is submitted (who asked, their company and MRR)' },
  { type: 'comment.created', label: 'A customer comments (team replies are not sent)' },
  { type: 'request.updated', label: 'A request changes status (shipped: for how many accounts)' },
  { type: 'changelog.published', label: 'A changelog entry is published' },
] as const
export type SlackEvent = (typeof SLACK_EVENT_CHOICES)[number]['type']

/**
 * The project's Slack channel. Only the POST that saves it answers `webhookUrl` in full; every
 * later read has it masked (`https://hooks.slack.com/services/T…/B…/…wxyz`).
 */
export interface SlackSetup {
  webhookUrl: string
  events: SlackEvent[]
}

/** What Slack answered a test message (`test.ok`: it answered 2xx). */
export interface SlackTestResult {
  ok: boolean
  /** Slack's HTTP status; null when no answer came (refused address, timeout, connection). */
  statusCode: number | null
  /** Slack's answer body ("ok", "no_service"…), or why nothing was sent or answered. */
  answer: string
}

export type TrackerKind = 'github' | 'linear'
export type IntegrationKind = 'slack' | TrackerKind

/** GET …/integrations: what is set up, never a token, a secret or the Slack URL in full. */
export interface IntegrationsOverview {
  slack: { webhookUrlHint: string; events: string[] | null; updatedAt: string } | null
  github: (TrackerInfo & { repository: string | null }) | null
  linear: (TrackerInfo & { teamId: string | null }) | null
}

interface TrackerInfo {
  /** A token is stored (creating issues needs one); the token itself is never answered. */
  tokenSet: boolean
  /** Where the tracker's webhook must post. */
  inboundUrl: string
  createdAt: string
  updatedAt: string
}

/** A tracker's issue linked to a request. */
export interface IssueLink {
  id: string
  url: string
  kind: TrackerKind
}

export interface IntegrationsClient {
  overview(projectId: string): Promise<AdminResult<IntegrationsOverview>>
  slack(projectId: string): Promise<AdminResult<{ slack: SlackSetup | null }>>
  /** Creates or replaces the project's Slack channel. */
  saveSlack(
    projectId: string,
    setup: { webhookUrl: string; events?: SlackEvent[] },
  ): Promise<AdminResult<{ slack: SlackSetup }>>
  /** Sends a test message now and says what Slack answered. */
  testSlack(projectId: string): Promise<AdminResult<{ test: SlackTestResult }>>
  /** Sets GitHub up (a field left out keeps what is stored); the answer's secret is new each time. */
  setUpGitHub(
    projectId: string,
    setup: { token?: string; repository?: string },
  ): Promise<AdminResult<{ secret: string }>>
  setUpLinear(
    projectId: string,
    setup: { token?: string; teamId?: string },
  ): Promise<AdminResult<{ secret: string }>>
  /** Forgets the set-up of that kind: its token and secret with it. */
  remove(projectId: string, kind: IntegrationKind): Promise<AdminResult<unknown>>
  links(projectId: string, requestId: string): Promise<AdminResult<{ links: IssueLink[] }>>
  /** Links an issue by its URL (a GitHub or Linear issue). */
  link(projectId: string, requestId: string, url: string): Promise<AdminResult<{ link: IssueLink }>>
  /** Creates the issue in the tracker (title, body, a link back) and links it. */
  createIssue(
    projectId: string,
    requestId: string,
    tracker: TrackerKind,
  ): Promise<AdminResult<{ link: IssueLink }>>
  unlink(projectId: string, requestId: string, linkId: string): Promise<AdminResult<unknown>>
}

/** The v3 "team's tools" calls (spec/api.md), over the shared AdminClient's `call`. */
export function integrationsClient(client: AdminClient): IntegrationsClient {
  const integrations = (projectId: string) =>
    `/projects/${encodeURIComponent(projectId)}/integrations`
  const links = (projectId: string, requestId: string) =>
    `/projects/${encodeURIComponent(projectId)}/requests/${encodeURIComponent(requestId)}/links`
  return {
    overview: (projectId) => client.call('GET', integrations(projectId)),
    slack: (projectId) => client.call('GET', `${integrations(projectId)}/slack`),
    saveSlack: (projectId, setup) => client.call('POST', `${integrations(projectId)}/slack`, setup),
    testSlack: (projectId) => client.call('POST', `${integrations(projectId)}/slack/test`, {}),
    setUpGitHub: (projectId, setup) =>
      client.call('POST', `${integrations(projectId)}/github`, setup),
    setUpLinear: (projectId, setup) =>
      client.call('POST', `${integrations(projectId)}/linear`, setup),
    remove: (projectId, kind) => client.call('DELETE', `${integrations(projectId)}/${kind}`),
    links: (projectId, requestId) => client.call('GET', links(projectId, requestId)),
    link: (projectId, requestId, url) => client.call('POST', links(projectId, requestId), { url }),
    createIssue: (projectId, requestId, tracker) =>
      client.call('POST', links(projectId, requestId), { create: tracker }),
    unlink: (projectId, requestId, linkId) =>
      client.call('DELETE', `${links(projectId, requestId)}/${encodeURIComponent(linkId)}`),
  }
}

/** Where GitHub or Linear sends its events for this project (spec v3 "Inbound"). */
export function inboundWebhookUrl(reqioBase: string, kind: TrackerKind, projectId: string): string {
  return `${reqioBase}/v1/integrations/${kind}/${encodeURIComponent(projectId)}`
}
