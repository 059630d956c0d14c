/** Slack (spec/api.md v3 "The team's tools"): one incoming webhook per project. */

/** What a project's Slack channel can hear, in the order the dashboard lists them. */
export const SLACK_EVENT_TYPES = [
  'request.created',
  'comment.created',
  'request.updated',
  'changelog.published',
] as const
export type SlackEventType = (typeof SLACK_EVENT_TYPES)[number]

/**
 * A project's Slack set-up. `webhookUrl` is a bearer secret (whoever has it posts to the
 * channel): the POST that saves it answers it in full, every later read only masked
 * (`https://hooks.slack.com/services/T…/B…/…wxyz`).
 */
export interface SlackIntegration {
  webhookUrl: string
  events: SlackEventType[]
}

/** `POST /v1/admin/projects/{pid}/integrations/slack` `{webhookUrl, events?}` (events absent: all four). */
export interface SlackIntegrationInput {
  webhookUrl: string
  events?: SlackEventType[]
}

/** `POST …/integrations/slack` → 201. */
export interface SavedSlackIntegrationResponse {
  slack: SlackIntegration
}

/** `GET …/integrations/slack` → 200; `slack` null when the project has none. */
export interface SlackIntegrationResponse {
  slack: SlackIntegration | null
}

/** What Slack answered a test message: its status and body ("ok", "no_service"…). */
export interface SlackTestResult {
  /** True when Slack answered 2xx. */
  ok: boolean
  /** Slack's HTTP status; null when no answer came (refused address, timeout, connection). */
  statusCode: number | null
  /** Slack's answer body (at most 200 characters), or why nothing was sent or answered. */
  answer: string
}

/** `POST …/integrations/slack/test` → 200 (whatever Slack said: `test.ok` tells). */
export interface SlackTestResponse {
  test: SlackTestResult
}
