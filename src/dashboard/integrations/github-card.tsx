import { useState } from 'preact/hooks'
import { InboundSecret } from './inbound-secret'
import { IntegrationStatus } from './integration-status'
import {
  type IntegrationsClient,
  type IntegrationsOverview,
  inboundWebhookUrl,
} from './integrations-client'
import { SaveOutcome } from './save-outcome'
import { TrackerFormActions } from './tracker-form-actions'
import { useTrackerSetUp } from './use-tracker-set-up'

/** `owner/name`, as GitHub spells a repository. */
// Browsers compile `pattern` with the `v` flag, where a `-` in a class must be escaped.
const REPOSITORY_PATTERN = '[\\w.\\-]+/[\\w.\\-]+'

/**
 * Settings › Integrations › GitHub: a token (to create issues) and the repository, then the
 * inbound webhook's URL and secret, shown once, with what to tick in GitHub. Closing a linked
 * issue there moves its requests to Done; reopening it, to In progress.
 */
export function GitHubCard({
  api,
  projectId,
  reqioBase,
  summary,
  onChanged,
}: {
  api: IntegrationsClient
  projectId: string
  /** Reqio's own base URL, where GitHub is to send its events. */
  reqioBase: string
  summary: IntegrationsOverview['github']
  onChanged: () => Promise<void> | void
}) {
  const connected = summary !== null
  const [token, setToken] = useState('')
  const [repository, setRepository] = useState<string | null>(null)
  const shownRepository = repository ?? summary?.repository ?? ''
  const setUp = useTrackerSetUp<{ token?: string; repository?: string }>({
    api,
    projectId,
    kind: 'github',
    send: (body) => api.setUpGitHub(projectId, body),
    onChanged,
  })
  const url = summary?.inboundUrl ?? inboundWebhookUrl(reqioBase, 'github', projectId)

  async function save(event: Event) {
    event.preventDefault()
    const body = {
      ...(token.trim() ? { token: token.trim() } : {}),
      ...(shownRepository.trim() ? { repository: shownRepository.trim() } : {}),
    }
    if (await setUp.save(body, connected)) {
      setToken('')
      setRepository(null)
    }
  }

  return (
    <section class="integration-card" aria-labelledby="github-heading">
      <h3 id="github-heading">GitHub</h3>
      <IntegrationStatus connected={connected}>
        {summary?.repository ? <>issues of {summary.repository}</> : 'issues linked by URL'}
        {connected && !(summary?.tokenSet && summary.repository)
          ? ' (issues are created from here once a token and a repository are saved)'
          : ''}
      </IntegrationStatus>
      <p class="hint">
        Link a request to a GitHub issue, or create the issue from the request. When the issue is
        closed, the request moves to Done (and everyone who asked hears of it); reopened, back to In
        progress.
      </p>
      <form class="integration-form" onSubmit={save}>
        <label class="integration-field">
          Token
          <input
            type="password"
            autoComplete="off"
            spellcheck={false}
            value={token}
            placeholder={connected ? 'Leave empty to keep the saved token' : 'github_pat_…'}
            aria-describedby="github-token-hint"
            onInput={(event) => setToken(event.currentTarget.value)}
          />
        </label>
        <p id="github-token-hint" class="hint">
          Needed only to create issues from Reqio. A fine-grained personal access token with access
          to this one repository and the permission <strong>Issues: Read and write</strong> (GitHub
          adds Metadata: Read). A classic token needs the <code>repo</code> scope (
          <code>public_repo</code> for a public repository). Reqio never shows it again.
        </p>
        <label class="integration-field">
          Repository
          <input
            autoComplete="off"
            spellcheck={false}
            pattern={REPOSITORY_PATTERN}
            placeholder="owner/name"
            value={shownRepository}
            aria-describedby="github-repository-hint"
            onInput={(event) => setRepository(event.currentTarget.value)}
          />
        </label>
        <p id="github-repository-hint" class="hint">
          Where new issues are created, as <code>owner/name</code> (e.g. <code>acme/web-app</code>).
        </p>
        <TrackerFormActions
          trackerName="GitHub"
          connected={connected}
          busy={setUp.busy}
          rotateQuestion="Make a new webhook secret? GitHub's events are refused until the new one is pasted in the webhook's settings there."
          onRotate={async () => {
            await setUp.rotate()
          }}
          onRemove={setUp.remove}
        />
      </form>
      <SaveOutcome saved={setUp.saved} error={setUp.error} />
      {setUp.secret ? (
        <InboundSecret
          trackerName="GitHub"
          url={url}
          secret={setUp.secret}
          onHide={setUp.hideSecret}
        >
          <p>
            In GitHub, open the repository's <strong>Settings › Webhooks › Add webhook</strong>:
          </p>
          <ol>
            <li>
              <strong>Payload URL</strong>: the webhook URL above.
            </li>
            <li>
              <strong>Content type</strong>: <code>application/json</code>.
            </li>
            <li>
              <strong>Secret</strong>: the secret above.
            </li>
            <li>
              <strong>Which events</strong>: <em>Let me select individual events</em>, tick{' '}
              <strong>Issues</strong> (and untick Pushes).
            </li>
            <li>
              Keep <strong>Active</strong> ticked and choose <strong>Add webhook</strong> (or{' '}
              <strong>Update webhook</strong> after a rotation).
            </li>
          </ol>
        </InboundSecret>
      ) : connected ? (
        <p class="hint">
          GitHub sends its events to <code class="inbound-url">{url}</code>.
        </p>
      ) : null}
    </section>
  )
}
