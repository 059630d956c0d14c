import type { SlackTestAnswer } from './integrations-client'

/** Slack's answers to a test message that say what to do next. */
const SLACK_ANSWER_MEANINGS: Record<string, string> = {
  ok: 'the message is in the channel.',
  invalid_token: 'the webhook URL is no longer valid: make a new one in Slack.',
  no_service: 'this webhook was removed or its app uninstalled: make a new one in Slack.',
  channel_not_found: 'the channel is gone: add the webhook to another channel.',
  channel_is_archived: 'the channel is archived: unarchive it or pick another.',
  action_prohibited: 'an admin of the workspace blocked this app.',
  posting_to_general_channel_denied: 'only admins may post in that channel.',
  too_many_attachments: 'Slack refused the message as too long.',
}

/** What "Send test message" got back, in words: Slack's status and body, or why it never got there. */
export function SlackTestOutcome({
  outcome,
}: {
  outcome: { answer: SlackTestAnswer } | { failure: string }
}) {
  if ('failure' in outcome)
    return (
      <p role="alert" class="outcome failure">
        The test message was not sent: {outcome.failure}
      </p>
    )
  const { answer } = outcome
  const status = typeof answer.status === 'number' ? answer.status : null
  const body = typeof answer.body === 'string' ? answer.body.trim() : ''
  const delivered = answer.ok ?? (status !== null && status >= 200 && status < 300)
  const meaning = SLACK_ANSWER_MEANINGS[body]
  const said =
    status === null
      ? (answer.error ?? 'Slack could not be reached.')
      : `Slack answered ${status}${body ? ` “${body.slice(0, 200)}”` : ''}${meaning ? `: ${meaning}` : '.'}`
  return delivered ? (
    <p role="status" class="outcome success">
      Sent. {said}
    </p>
  ) : (
    <p role="alert" class="outcome failure">
      Not delivered. {said}
    </p>
  )
}
