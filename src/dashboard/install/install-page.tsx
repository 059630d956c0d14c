import { useEffect } from 'preact/hooks'
import type { AdminProject, InstallStatusResponse } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { formatDateTime } from '../format/dates'
import { CodeBlock } from '../ui/code-block'
import { useLoad } from '../ui/use-load'

/** How often the live check asks whether the widget has been seen. */
export const INSTALL_POLL_MS = 5000

const CHECKLIST: { key: keyof InstallStatusResponse['progress']; label: string }[] = [
  { key: 'installed', label: 'Widget installed on your site' },
  { key: 'identityVerified', label: 'Identity verified (a signed token arrived)' },
  { key: 'firstRequest', label: 'First request submitted' },
  { key: 'firstVote', label: 'First vote from someone else' },
]

/** The tag that works as pasted: anonymous, no token slot to fill. */
export function anonymousScriptTag(widgetUrl: string, projectId: string): string {
  return `<script src="${widgetUrl}" data-project-id="${projectId}" async></script>`
}

/**
 * A project's first page: paste one anonymous script tag, watch the live check turn green
 * when the widget's first request arrives, then go on to identity. The checklist follows the
 * project's data, so it is right on every visit.
 */
export function InstallPage({
  client,
  project,
  widgetUrl,
  secretWaiting = false,
  onIdentity,
}: {
  client: AdminClient
  project: AdminProject
  widgetUrl: string
  /** The project was just created: its secret is shown once, in Settings › Identity. */
  secretWaiting?: boolean
  /** Opens Settings › Identity; absent for a role that may not see it, which is told who can. */
  onIdentity?: () => void
}) {
  const {
    data: status,
    error,
    reload,
  } = useLoad<InstallStatusResponse>(() => client.installStatus(project.id), [client, project.id], {
    failure: 'The install check failed',
  })

  useEffect(() => {
    const timer = setInterval(reload, INSTALL_POLL_MS)
    return () => clearInterval(timer)
  }, [reload])

  const latest = status?.origins[0]
  return (
    <section class="install" aria-labelledby="install-heading">
      <h2 id="install-heading">Install the widget</h2>
      <h3>1. Paste this before &lt;/body&gt; on your site</h3>
      <p>
        It works as pasted: visitors can submit and vote anonymously right away. Identifying your
        users (step 2) links requests to real customers and their revenue.
      </p>
      <CodeBlock
        title="Anonymous script tag"
        code={anonymousScriptTag(widgetUrl, project.id)}
        language="html"
      />
      <div class={latest ? 'live-check seen' : 'live-check'} role="status">
        {latest
          ? `Widget seen on ${latest.origin} at ${formatDateTime(latest.lastSeenAt)}.`
          : 'Waiting for the widget… Open a page with the tag: this turns green when it loads.'}
      </div>
      {status && status.origins.length > 1 ? (
        <ul class="origins" aria-label="Sites the widget was seen on">
          {status.origins.map((origin) => (
            <li key={origin.origin}>
              {origin.origin}: first {formatDateTime(origin.firstSeenAt)}, latest{' '}
              {formatDateTime(origin.lastSeenAt)}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}

      <h3>2. Identify your users</h3>
      <p>
        Your server signs a short token per signed-in user; the widget sends it along. Set it up in
        Settings › Identity, with a snippet for your stack.
      </p>
      {onIdentity ? null : (
        <p class="notice" role="note">
          Only an admin or owner can set up identity, because it holds the project's signing secret:
          ask one of them.
        </p>
      )}
      {secretWaiting ? (
        <p class="notice">
          Your new project's signing secret is waiting there. It is shown once: copy it when you
          open Settings › Identity.
        </p>
      ) : null}
      {onIdentity ? (
        <button type="button" onClick={onIdentity}>
          Set up identity
        </button>
      ) : null}

      <h3 id="checklist-heading">Your first hour</h3>
      <ul class="checklist" aria-labelledby="checklist-heading">
        {CHECKLIST.map((item) => {
          const done = status?.progress[item.key] === true
          return (
            <li key={item.key} class={done ? 'done' : undefined}>
              <span aria-hidden="true">{done ? '✓' : '○'}</span> {item.label}
              <span class="visually-hidden">{done ? ' (done)' : ' (not yet)'}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
