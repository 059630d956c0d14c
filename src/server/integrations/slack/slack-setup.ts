import * as v from 'valibot'
import {
  SLACK_EVENT_TYPES,
  type SlackEventType,
  type SlackIntegration,
} from '../../../shared/api/slack'
import type { OutboundGuard } from '../../outbound/outbound-guard'
import type { IntegrationRecord } from '../../store/integrations-store'

/** What `store.integrations` keeps for kind 'slack'. */
export interface SlackSettings {
  webhookUrl: string
  events: SlackEventType[]
}

/** `POST …/integrations/slack`: events absent means all four. */
export const SlackSetupSchema = v.object({
  webhookUrl: v.pipe(v.string('webhookUrl must be a string'), v.trim(), v.maxLength(2000)),
  events: v.optional(
    v.pipe(
      v.array(
        v.picklist(SLACK_EVENT_TYPES, `events must be among ${SLACK_EVENT_TYPES.join(', ')}`),
      ),
      v.minLength(1, 'events must name at least one event, or be left out for all'),
    ),
  ),
})

/** Each event once, in the order the dashboard lists them. */
export function slackEventSet(events: readonly SlackEventType[] | undefined): SlackEventType[] {
  return SLACK_EVENT_TYPES.filter((type) => !events || events.includes(type))
}

const MASK = '…'

/**
 * Why `url` cannot be a project's Slack incoming webhook, or null. It must be https (Slack's
 * are https://hooks.slack.com/services/…; Slack-compatible chats take the same messages, so
 * the host is not pinned), and it passes the webhooks' address rules: private, loopback and
 * link-local targets only with REQIO_WEBHOOK_ALLOW_PRIVATE=1, which for local testing also
 * lets plain http through.
 */
export async function slackUrlProblem(url: string, guard: OutboundGuard): Promise<string | null> {
  if (url.includes(MASK))
    return 'This is the masked URL Reqio shows: paste the full webhook URL from Slack.'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'The URL is not valid: paste the webhook URL Slack gave (https://hooks.slack.com/services/…).'
  }
  if (parsed.protocol !== 'https:' && !(guard.allowPrivate && parsed.protocol === 'http:'))
    return 'A Slack incoming webhook URL starts with https://.'
  return guard.targetProblem(url)
}

/**
 * The URL as answers show it after the call that saved it: anyone holding the full URL can post
 * to the channel, so only its host, its path but the last part, and that part's last 4
 * characters remain (`https://hooks.slack.com/services/T…/B…/…wxyz`).
 */
export function maskedWebhookUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return MASK
  }
  const parts = parsed.pathname.split('/')
  const last = parts.pop() ?? ''
  const kept = parts.map((part, i) =>
    i >= 2 && part.length > 2 ? `${part.slice(0, 1)}${MASK}` : part,
  )
  return `${parsed.origin}${kept.join('/')}/${MASK}${last.slice(-4)}`
}

/** The set-up as read answers show it (URL masked). */
export function shownSlack(record: IntegrationRecord<SlackSettings>): SlackIntegration {
  return {
    webhookUrl: maskedWebhookUrl(record.settings.webhookUrl),
    events: slackEventSet(record.settings.events),
  }
}
