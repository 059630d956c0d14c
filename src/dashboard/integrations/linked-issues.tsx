import { useMemo, useRef, useState } from 'preact/hooks'
import type { AdminClient } from '../api/admin-client'
import { useLoad } from '../ui/use-load'
import {
  type IntegrationsOverview,
  type IssueLink,
  integrationsClient,
  type TrackerKind,
} from './integrations-client'
import { issueLabel, TRACKER_LABELS } from './issue-label'
import { canCreateIssues } from './tracker-summary'
import './integrations.css'
import { SaveOutcome } from './save-outcome'

/** The trackers an issue can be created in from here. */
function creatableIn(overview: IntegrationsOverview | null): TrackerKind[] {
  if (!overview) return []
  return (['github', 'linear'] as const).filter((kind) => canCreateIssues(overview, kind))
}

/**
 * The drawer's "Linked issues": the GitHub and Linear issues that move this request when they
 * close, start or reopen. Triage adds one by URL, creates one in a tracker that is set up, or
 * unlinks one (the issue itself stays in the tracker).
 */
export function LinkedIssues({
  client,
  projectId,
  requestId,
  canTriage,
}: {
  client: AdminClient
  projectId: string
  requestId: string
  canTriage: boolean
}) {
  const api = useMemo(() => integrationsClient(client), [client])
  const links = useLoad(() => api.links(projectId, requestId), [api, projectId, requestId], {
    failure: 'The linked issues could not be loaded',
  })
  // Which trackers are set up, for the "Create" buttons: asked only by those who may press them.
  const overview = useLoad<IntegrationsOverview | null>(
    async () => (canTriage ? api.overview(projectId) : { ok: true, data: null }),
    [api, projectId, canTriage],
    { failure: 'The integrations could not be read' },
  )
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState<'link' | TrackerKind | null>(null)
  const [saved, setSaved] = useState('')
  const [error, setError] = useState<string | null>(null)
  const urlField = useRef<HTMLInputElement>(null)
  const listed = links.data?.links ?? []

  async function added(
    result: Awaited<ReturnType<typeof api.link>>,
    done: (link: IssueLink) => string,
    failure: string,
  ) {
    setBusy(null)
    setError(result.ok ? null : `${failure}: ${result.message}`)
    if (!result.ok) return false
    setSaved(done(result.data.link))
    await links.reload()
    return true
  }

  async function linkByUrl(event: Event) {
    event.preventDefault()
    setBusy('link')
    setSaved('')
    const result = await api.link(projectId, requestId, url.trim())
    const linked = await added(
      result,
      (link) => `Linked ${issueLabel(link)}.`,
      'The issue was not linked',
    )
    if (linked) setUrl('')
  }

  async function create(kind: TrackerKind) {
    setBusy(kind)
    setSaved('')
    const result = await api.createIssue(projectId, requestId, kind)
    await added(
      result,
      (link) => `Created ${issueLabel(link)} in ${TRACKER_LABELS[kind]} and linked it.`,
      `The ${TRACKER_LABELS[kind]} issue was not created`,
    )
  }

  async function unlink(link: IssueLink) {
    setSaved('')
    const result = await api.unlink(projectId, requestId, link.id)
    setError(result.ok ? null : `The issue was not unlinked: ${result.message}`)
    if (!result.ok) return
    setSaved(`Unlinked ${issueLabel(link)}: it no longer moves this request.`)
    await links.reload()
    // Its row and button are gone: focus goes where the next link starts.
    urlField.current?.focus()
  }

  return (
    <section class="drawer-section linked-issues" aria-labelledby="linked-issues-heading">
      <h3 id="linked-issues-heading">Linked issues</h3>
      {links.error ? <p role="alert">{links.error}</p> : null}
      {links.data === null ? null : listed.length === 0 ? (
        <p class="hint">
          No issue linked. A linked GitHub or Linear issue moves this request when it closes, starts
          or reopens.
        </p>
      ) : (
        <ul class="linked-issues-list" aria-label="Linked issues">
          {listed.map((link) => (
            <li key={link.id} class="linked-issue">
              <span class="issue-kind">{TRACKER_LABELS[link.kind] ?? link.kind}</span>
              <a href={link.url} target="_blank" rel="noopener noreferrer">
                {issueLabel(link)}
                <span class="visually-hidden"> (opens in a new tab)</span>
              </a>
              {canTriage ? (
                <button
                  type="button"
                  class="link"
                  aria-label={`Unlink ${issueLabel(link)}`}
                  onClick={() => unlink(link)}
                >
                  Unlink
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canTriage ? (
        <>
          <form class="link-issue-form" onSubmit={linkByUrl}>
            <label>
              Issue URL
              <input
                ref={urlField}
                type="url"
                required
                autoComplete="off"
                spellcheck={false}
                placeholder="https://github.com/owner/repo/issues/12"
                value={url}
                aria-describedby="link-issue-hint"
                onInput={(event) => setUrl(event.currentTarget.value)}
              />
            </label>
            <button type="submit" disabled={busy !== null || !url.trim()}>
              {busy === 'link' ? 'Linking…' : 'Link issue'}
            </button>
          </form>
          <p id="link-issue-hint" class="hint">
            A GitHub issue (<code>https://github.com/owner/repo/issues/12</code>) or a Linear issue
            (<code>https://linear.app/team/issue/KEY-12</code>).
          </p>
          {creatableIn(overview.data).length > 0 ? (
            <div class="create-issue-actions">
              {creatableIn(overview.data).map((kind) => (
                <button
                  key={kind}
                  type="button"
                  disabled={busy !== null}
                  onClick={() => create(kind)}
                >
                  {busy === kind ? 'Creating…' : `Create ${TRACKER_LABELS[kind]} issue`}
                </button>
              ))}
            </div>
          ) : null}
        </>
      ) : null}
      <SaveOutcome saved={saved} error={error} />
    </section>
  )
}
