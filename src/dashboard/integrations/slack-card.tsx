import { useState } from 'preact/hooks'
import { SLACK_EVENT_TYPES, type SlackEventType, type SlackTestResult } from '../../shared/api'
import { useLoad } from '../ui/use-load'
import { IntegrationStatus } from './integration-status'
import type { IntegrationsClient } from './integrations-client'
import { RemoveIntegration } from './remove-integration'
import { SaveOutcome } from './save-outcome'
import { SlackTestOutcome } from './slack-test-outcome'

/** What each event posts, as the form offers it. */
const SLACK_EVENT_LABELS: Record<SlackEventType, string> = {
  'request.created': 'A request is submitted (who asked, their company, plan and MRR)',
  'comment.created': 'A customer comments (team replies are not posted)',
  'request.updated': 'A request changes status (shipped: for how many accounts, how much MRR)',
  'changelog.published': 'A changelog entry is published',
}

const EVERY_EVENT: SlackEventType[] = [...SLACK_EVENT_TYPES]

/** Slack's own host of incoming webhooks; anything else is probably a mistake worth a hint. */
const SLACK_WEBHOOK_PREFIX = 'https://hooks.slack.com/'

/**
 * Settings › Integrations › Slack: one channel per project through an incoming webhook. The
 * URL and the events, Save, "Send test message" with what Slack answered, Remove (asks first).
 */
export function SlackCard({ api, projectId }: { api: IntegrationsClient; projectId: string }) {
  const loaded = useLoad(
    async () => {
      const result = await api.slack(projectId)
      return result.ok ? { ok: true as const, data: { setup: result.data.slack } } : result
    },
    [api, projectId],
    { failure: 'The Slack set-up could not be loaded' },
  )
  const setup = loaded.data?.setup ?? null
  // Reads answer the URL masked, so the field starts empty: a save sends it again in full.
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState<SlackEventType[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [testing, setTesting] = useState(false)
  const [saved, setSaved] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [test, setTest] = useState<{ test: SlackTestResult } | { failure: string } | null>(null)

  // Ticked boxes win; until then the form shows what is stored.
  const shownEvents = events ?? setup?.events ?? EVERY_EVENT

  async function save(event: Event) {
    event.preventDefault()
    setBusy(true)
    setSaved('')
    const result = await api.saveSlack(projectId, { webhookUrl: url.trim(), events: shownEvents })
    setBusy(false)
    setError(result.ok ? null : `Slack was not saved: ${result.message}`)
    if (!result.ok) return
    // Read again: the answer holds the URL in full, and nothing shows it after this call.
    await loaded.reload()
    setUrl('')
    setEvents(null)
    setSaved(
      setup === null
        ? 'Slack is connected. Send a test message to see it arrive.'
        : 'Slack settings saved.',
    )
  }

  async function sendTest() {
    setTest(null)
    setTesting(true)
    const result = await api.testSlack(projectId)
    setTesting(false)
    setTest(result.ok ? { test: result.data.test } : { failure: result.message })
  }

  async function remove() {
    const result = await api.remove(projectId, 'slack')
    setError(result.ok ? null : `Slack was not removed: ${result.message}`)
    if (!result.ok) return
    loaded.setData({ setup: null })
    setUrl('')
    setEvents(null)
    setTest(null)
    setSaved('Slack removed: no more messages go to that channel.')
  }

  const toggle = (type: SlackEventType, on: boolean) =>
    setEvents(
      EVERY_EVENT.filter((candidate) =>
        candidate === type ? on : shownEvents.includes(candidate),
      ),
    )

  return (
    <section class="integration-card" aria-labelledby="slack-heading">
      <h3 id="slack-heading">Slack</h3>
      {loaded.data === null && !loaded.error ? (
        <p class="hint">Loading…</p>
      ) : (
        <IntegrationStatus connected={setup !== null}>
          posting to <code class="inbound-url">{setup?.webhookUrl}</code>
        </IntegrationStatus>
      )}
      {loaded.error ? <p role="alert">{loaded.error}</p> : null}
      <p class="hint">
        New requests, customers' comments, status changes and changelog entries, posted in one Slack
        channel, with who asked and what they pay.
      </p>
      <form class="integration-form" onSubmit={save}>
        <label class="integration-field">
          Incoming webhook URL
          <input
            type="url"
            required
            autoComplete="off"
            spellcheck={false}
            placeholder="https://hooks.slack.com/services/…"
            value={url}
            aria-describedby="slack-url-hint"
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        <p id="slack-url-hint" class="hint">
          {url.trim() && !url.trim().startsWith(SLACK_WEBHOOK_PREFIX)
            ? `Slack's incoming webhooks start with ${SLACK_WEBHOOK_PREFIX}. `
            : null}
          Keep it private: whoever has it can post in that channel.
          {setup === null
            ? null
            : ' Reqio does not show it again, so paste it (or a new one) to save a change.'}
        </p>
        <details class="integration-how">
          <summary>How to get one</summary>
          <ol>
            <li>
              Open <strong>api.slack.com/apps</strong>, choose <strong>Create New App</strong> ›{' '}
              <strong>From scratch</strong>, name it (e.g. “Reqio”) and pick your workspace.
            </li>
            <li>
              Under <strong>Incoming Webhooks</strong>, turn{' '}
              <strong>Activate Incoming Webhooks</strong> on.
            </li>
            <li>
              Choose <strong>Add New Webhook to Workspace</strong>, pick the channel, and allow it.
            </li>
            <li>
              Copy the <strong>Webhook URL</strong> (it starts with{' '}
              <code>https://hooks.slack.com/services/</code>) and paste it above.
            </li>
          </ol>
        </details>
        <fieldset class="integration-events">
          <legend>Which events</legend>
          {EVERY_EVENT.map((type) => (
            <label key={type} class="check">
              <input
                type="checkbox"
                checked={shownEvents.includes(type)}
                onChange={(event) => toggle(type, event.currentTarget.checked)}
              />{' '}
              {SLACK_EVENT_LABELS[type]}
            </label>
          ))}
          {shownEvents.length === 0 ? <p class="hint">Tick at least one event.</p> : null}
        </fieldset>
        <div class="integration-actions">
          <button
            type="submit"
            class="primary"
            disabled={busy || !url.trim() || shownEvents.length === 0}
          >
            {setup === null ? 'Save and connect' : 'Save changes'}
          </button>
          {setup !== null ? (
            <>
              <button type="button" disabled={testing} onClick={sendTest}>
                {testing ? 'Sending…' : 'Send test message'}
              </button>
              <RemoveIntegration
                toolName="Slack"
                consequence="No more messages go to that channel; the URL is forgotten."
                onRemove={remove}
              />
            </>
          ) : null}
        </div>
      </form>
      <SaveOutcome saved={saved} error={error} />
      {test ? <SlackTestOutcome outcome={test} /> : null}
    </section>
  )
}
