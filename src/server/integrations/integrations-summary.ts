import type {
  GitHubIntegrationInfo,
  IntegrationsResponse,
  LinearIntegrationInfo,
  SlackIntegrationInfo,
} from '../../shared/api'
import type { IntegrationRecord } from '../store/integrations-store'
import type { TrackerKind } from './trackers/issue-tracker'
import { trackerOf } from './trackers/registry'

/** Where a tracker's webhook posts for this project (spec/api.md v3 "Inbound"). */
export function inboundUrl(base: string, kind: TrackerKind, projectId: string): string {
  return `${base.replace(/\/+$/, '')}/v1/integrations/${kind}/${encodeURIComponent(projectId)}`
}

/**
 * GET …/integrations: what each tool has set up, for the team to see. A Slack incoming-webhook
 * URL is a bearer secret (anyone holding it posts to the channel), and tokens and inbound
 * secrets are credentials: none of them is in the answer.
 */
export function describeIntegrations(
  setups: IntegrationRecord[],
  input: { base: string; projectId: string },
): IntegrationsResponse {
  const of = (kind: IntegrationRecord['kind']) => setups.find((setup) => setup.kind === kind)
  const slack = of('slack')
  const github = of('github')
  const linear = of('linear')
  return {
    slack: slack ? describeSlack(slack) : null,
    github: github ? (describeTracker(github, input) as unknown as GitHubIntegrationInfo) : null,
    linear: linear ? (describeTracker(linear, input) as unknown as LinearIntegrationInfo) : null,
  }
}

function describeTracker(
  setup: IntegrationRecord,
  input: { base: string; projectId: string },
): Record<string, unknown> {
  const kind = setup.kind as TrackerKind
  return {
    ...trackerOf(kind).describe(setup),
    tokenSet: setup.token !== null,
    inboundUrl: inboundUrl(input.base, kind, input.projectId),
    createdAt: setup.createdAt,
    updatedAt: setup.updatedAt,
  }
}

function describeSlack(setup: IntegrationRecord): SlackIntegrationInfo {
  const { webhookUrl, events } = setup.settings as { webhookUrl?: unknown; events?: unknown }
  return {
    webhookUrlHint: typeof webhookUrl === 'string' ? webhookUrlHint(webhookUrl) : '',
    events: Array.isArray(events) ? events.filter((e): e is string => typeof e === 'string') : null,
    updatedAt: setup.updatedAt,
  }
}

/** `https://hooks.slack.com/…/abcd`: the host and the last four characters, nothing to post with. */
export function webhookUrlHint(webhookUrl: string): string {
  let origin: string
  try {
    origin = new URL(webhookUrl).origin
  } catch {
    return '…'
  }
  return `${origin}/…${webhookUrl.replace(/\/+$/, '').slice(-4)}`
}
