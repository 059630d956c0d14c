import type {
  IntegrationsResponse,
  IssueTrackerKind,
  RequestLinkInfo,
  RequestLinkResponse,
  RequestLinksResponse,
  SavedSlackIntegrationResponse,
  SlackIntegrationInput,
  SlackIntegrationResponse,
  SlackTestResponse,
  TrackerSecretResponse,
} from '../../shared/api'
import type { AdminClient, AdminResult } from '../api/admin-client'

export type TrackerKind = IssueTrackerKind
export type IntegrationKind = 'slack' | TrackerKind
/** GET …/integrations: what is set up, never a token, a secret or the Slack URL in full. */
export type IntegrationsOverview = IntegrationsResponse
/** A tracker's issue linked to a request. */
export type IssueLink = RequestLinkInfo

export interface IntegrationsClient {
  overview(projectId: string): Promise<AdminResult<IntegrationsResponse>>
  /** The Slack set-up, its URL masked. */
  slack(projectId: string): Promise<AdminResult<SlackIntegrationResponse>>
  /** Creates or replaces the project's Slack channel. */
  saveSlack(
    projectId: string,
    setup: SlackIntegrationInput,
  ): Promise<AdminResult<SavedSlackIntegrationResponse>>
  /** Sends a test message now and says what Slack answered. */
  testSlack(projectId: string): Promise<AdminResult<SlackTestResponse>>
  /** Sets GitHub up (a field left out keeps what is stored); the answer's secret is new each time. */
  setUpGitHub(
    projectId: string,
    setup: { token?: string; repository?: string },
  ): Promise<AdminResult<TrackerSecretResponse>>
  setUpLinear(
    projectId: string,
    setup: { token?: string; teamId?: string; webhookSecret?: string },
  ): Promise<AdminResult<TrackerSecretResponse>>
  /** Forgets the set-up of that kind: its token and secret with it. */
  remove(projectId: string, kind: IntegrationKind): Promise<AdminResult<unknown>>
  links(projectId: string, requestId: string): Promise<AdminResult<RequestLinksResponse>>
  /** Links an issue by its URL (a GitHub or Linear issue). */
  link(projectId: string, requestId: string, url: string): Promise<AdminResult<RequestLinkResponse>>
  /** Creates the issue in the tracker (title, body, a link back) and links it. */
  createIssue(
    projectId: string,
    requestId: string,
    tracker: TrackerKind,
  ): Promise<AdminResult<RequestLinkResponse>>
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
