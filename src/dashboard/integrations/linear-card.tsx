import { useState } from 'preact/hooks'
import { CodeBlock } from '../ui/code-block'
import { InboundSecret } from './inbound-secret'
import { IntegrationStatus } from './integration-status'
import {
  type IntegrationsClient,
  type IntegrationsOverview,
  inboundWebhookUrl,
} from './integrations-client'
import { linearWebhookCommand } from './linear-webhook-command'
import { SaveOutcome } from './save-outcome'
import { TrackerFormActions } from './tracker-form-actions'
import { useTrackerSetUp } from './use-tracker-set-up'

/**
 * Settings › Integrations › Linear: an API key (to create issues) and the team they go to, then
 * the inbound webhook's URL and secret, shown once, with the command that adds the webhook in
 * Linear. A linked issue completed moves its requests to Done; started, In progress; canceled,
 * Declined.
 */
export function LinearCard({
  api,
  projectId,
  reqioBase,
  summary,
  onChanged,
}: {
  api: IntegrationsClient
  projectId: string
  reqioBase: string
  summary: IntegrationsOverview['linear']
  onChanged: () => Promise<void> | void
}) {
  const connected = summary !== null
  const [token, setToken] = useState('')
  const [teamId, setTeamId] = useState<string | null>(null)
  // The signing secret Linear's own webhook form made, when the webhook is added there.
  const [linearSecret, setLinearSecret] = useState('')
  const shownTeamId = teamId ?? summary?.teamId ?? ''
  // The team the shown secret's command names: the one saved with it.
  const [savedTeamId, setSavedTeamId] = useState<string | null>(null)
  const setUp = useTrackerSetUp<{ token?: string; teamId?: string; webhookSecret?: string }>({
    api,
    projectId,
    kind: 'linear',
    send: (body) => api.setUpLinear(projectId, body),
    onChanged,
  })
  const url = summary?.inboundUrl ?? inboundWebhookUrl(reqioBase, 'linear', projectId)

  async function save(event: Event) {
    event.preventDefault()
    const body = {
      ...(token.trim() ? { token: token.trim() } : {}),
      ...(shownTeamId.trim() ? { teamId: shownTeamId.trim() } : {}),
      ...(linearSecret.trim() ? { webhookSecret: linearSecret.trim() } : {}),
    }
    // Set before saving: the secret (and the command naming this team) shows as soon as the
    // server answers, before the save's overview reload ends.
    setSavedTeamId(shownTeamId.trim() || null)
    if (await setUp.save(body, connected)) {
      setToken('')
      setTeamId(null)
      // Linear already holds the secret it made: nothing to show or paste back.
      if (body.webhookSecret) setUp.hideSecret()
      setLinearSecret('')
    }
  }

  return (
    <section class="integration-card" aria-labelledby="linear-heading">
      <h3 id="linear-heading">Linear</h3>
      <IntegrationStatus connected={connected}>
        {summary?.teamId ? <>issues of team {summary.teamId}</> : 'issues linked by URL'}
        {connected && !(summary?.tokenSet && summary.teamId)
          ? ' (issues are created from here once an API key and a team id are saved)'
          : ''}
      </IntegrationStatus>
      <p class="hint">
        Link a request to a Linear issue, or create the issue from the request. When the issue is
        started, the request moves to In progress; completed, to Done; canceled, to Declined.
      </p>
      <form class="integration-form" onSubmit={save}>
        <label class="integration-field">
          API key
          <input
            type="password"
            autoComplete="off"
            spellcheck={false}
            value={token}
            placeholder={connected ? 'Leave empty to keep the saved key' : 'lin_api_…'}
            aria-describedby="linear-token-hint"
            onInput={(event) => setToken(event.currentTarget.value)}
          />
        </label>
        <p id="linear-token-hint" class="hint">
          Needed only to create issues from Reqio. In Linear:{' '}
          <strong>Settings › Security &amp; access › Personal API keys › New API key</strong>, with
          permission to create issues in the team below. Reqio never shows it again.
        </p>
        <label class="integration-field">
          Team id
          <input
            autoComplete="off"
            spellcheck={false}
            placeholder="the team's UUID"
            value={shownTeamId}
            aria-describedby="linear-team-hint"
            onInput={(event) => setTeamId(event.currentTarget.value)}
          />
        </label>
        <p id="linear-team-hint" class="hint">
          The team new issues go to: in Linear, open the team, press <kbd>Ctrl</kbd>/<kbd>⌘</kbd>{' '}
          <kbd>K</kbd> and choose <strong>Copy model UUID</strong>.
        </p>
        <label class="integration-field">
          Linear's signing secret (optional)
          <input
            type="password"
            autoComplete="off"
            spellcheck={false}
            value={linearSecret}
            placeholder="lin_wh_…"
            aria-describedby="linear-secret-hint"
            onInput={(event) => setLinearSecret(event.currentTarget.value)}
          />
        </label>
        <p id="linear-secret-hint" class="hint">
          If you add the webhook in Linear (<strong>Settings › API › Webhooks › New webhook</strong>
          , URL <code class="inbound-url">{url}</code>, <strong>Issues</strong> events), paste the
          signing secret Linear shows. Leave it empty and Reqio makes a secret, with a command that
          adds the webhook through Linear's API.
        </p>
        <TrackerFormActions
          trackerName="Linear"
          connected={connected}
          busy={setUp.busy}
          rotateQuestion="Make a new webhook secret? Linear's events are refused until its webhook carries the new one."
          onRotate={async () => {
            setSavedTeamId(summary?.teamId ?? null)
            await setUp.rotate()
          }}
          onRemove={setUp.remove}
        />
      </form>
      <SaveOutcome saved={setUp.saved} error={setUp.error} />
      {setUp.secret ? (
        <InboundSecret
          trackerName="Linear"
          url={url}
          secret={setUp.secret}
          onHide={setUp.hideSecret}
        >
          <p>
            Linear's settings page makes up its own signing secret (paste that one above instead),
            so a webhook with this secret is added through Linear's API. Run this with a Linear API
            key that has the <strong>Admin</strong> permission in place of{' '}
            <code>YOUR_LINEAR_API_KEY</code>:
          </p>
          <CodeBlock
            title="Command that adds the webhook in Linear"
            code={linearWebhookCommand({ url, secret: setUp.secret, teamId: savedTeamId })}
            language="shell"
          />
          <p class="hint">
            It asks for <strong>Issue</strong> events only. After a rotation, delete the old Reqio
            webhook in Linear's <strong>Settings › API › Webhooks</strong> and run the command
            again.
          </p>
        </InboundSecret>
      ) : connected ? (
        <p class="hint">
          Linear sends its events to <code class="inbound-url">{url}</code>.
        </p>
      ) : null}
    </section>
  )
}
