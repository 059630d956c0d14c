import type { SlackTestResult } from '../../shared/api'

/** Slack's answers to a test message that say what to do next. */
const SLACK_ANSWER_MEANINGS: Record<string, string> = {
  ok: 'the message is in the channel.',
  invalid_token: 'the webhook URL is no longer valid: make a new one in Slack.',
  no_service: 'this webhook was removed or its app uninstalled: make a new one in Slack.',
  channel_not_found: 'the channel is gone: add the webhook to another channel.',
  channel_is_archived: 'the channel is archived: unarchive it or pick another.',
  action_prohibited: 'an admin of the workspace blocked this app.',
  posting_to_general_channel_denied: 'only admins may post in that channel.',
}

/** What "Send test message" got back, in words: Slack's status and answer, or why none came. */
export function SlackTestOutcome({
  outcome,
}: {
  outcome: { test: SlackTestResult } | { failure: string }
}) {
  if ('failure' in outcome)
    return (
      <p role="alert" class="outcome failure">
        The test message was not sent: {outcome.failure}
      </p>
    )
  const { ok, statusCode, answer } = outcome.test
  const body = answer.trim().slice(0, 200)
  const meaning = SLACK_ANSWER_MEANINGS[body]
  const said =
    statusCode === null
      ? `Slack did not answer: ${body || 'it could not be reached'}.`
      : `Slack answered ${statusCode}${body ? ` “${body}”` : ''}${meaning ? `: ${meaning}` : '.'}`
  return ok ? (
    <p role="status" class="outcome success">
      Sent. {said}
    </p>
  ) : (
    <p role="alert" class="outcome failure">
      Not delivered. {said}
    </p>
  )
}
