import { useEffect, useState } from 'preact/hooks'
import type { BacklogRequest, ChangelogEntry } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { STATUS_LABELS } from '../backlog/status-labels'
import { MarkdownPreview } from './markdown-preview'

interface Props {
  client: AdminClient
  projectId: string
  /** null: a new entry. */
  entry: ChangelogEntry | null
  /** `notice` says what happened; the page shows it, since saving a new entry remounts this. */
  onSaved(entry: ChangelogEntry, notice: string): void | Promise<void>
}

const MAX_MATCHES = 8

/** Title, Markdown body with a live preview, the requests it ships, save as draft or publish. */
export function EntryEditor({ client, projectId, entry, onSaved }: Props) {
  const [title, setTitle] = useState(entry?.title ?? '')
  const [body, setBody] = useState(entry?.body ?? '')
  const [linked, setLinked] = useState<Array<{ id: string; title: string }>>(
    entry?.requests.map(({ id, title }) => ({ id, title })) ?? [],
  )
  const [search, setSearch] = useState('')
  const [requests, setRequests] = useState<BacklogRequest[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client.backlog(projectId, 'new').then((result) => {
      if (result.ok) setRequests(result.data.requests)
    })
  }, [client, projectId])

  const words = search.trim().toLowerCase()
  const matches = words
    ? requests
        .filter((request) => request.title.toLowerCase().includes(words))
        .filter((request) => !linked.some((link) => link.id === request.id))
        .slice(0, MAX_MATCHES)
    : []

  async function save(publish: boolean) {
    setBusy(true)
    setError(null)
    const result = await client.saveChangelogEntry(projectId, entry?.id ?? null, {
      title,
      body,
      requestIds: linked.map((link) => link.id),
      // Saving a published entry keeps it published; only "Publish now" publishes a draft.
      ...(publish ? { publish: true } : entry?.publishedAt ? {} : { publish: false }),
    })
    setBusy(false)
    if (!result.ok) return setError(`Not saved: ${result.message}`)
    const shipped = result.data.entry.requests.length
    await onSaved(
      result.data.entry,
      publish
        ? `Published.${shipped ? ` ${shipped} linked ${shipped === 1 ? 'request is' : 'requests are'} now Done.` : ''}`
        : 'Saved.',
    )
  }

  const published = Boolean(entry?.publishedAt)
  return (
    <form
      class="entry-editor"
      aria-label={entry ? `Edit “${entry.title}”` : 'New changelog entry'}
      onSubmit={(event) => {
        event.preventDefault()
        save(true)
      }}
    >
      <label>
        Title
        <input value={title} maxLength={160} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <div class="editor-panes">
        <label>
          Body (Markdown: headings, *emphasis*, lists, [links](https://…), `code`)
          <textarea rows={12} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </label>
        <section aria-label="Preview" class="preview">
          <h3>{title || 'Untitled'}</h3>
          <MarkdownPreview markdown={body} />
        </section>
      </div>
      <fieldset>
        <legend>Requests this ships</legend>
        {linked.length ? (
          <ul class="linked">
            {linked.map((link) => (
              <li key={link.id}>
                {link.title}{' '}
                <button
                  type="button"
                  class="link"
                  aria-label={`Unlink ${link.title}`}
                  onClick={() => setLinked(linked.filter((other) => other.id !== link.id))}
                >
                  Unlink
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="hint">None yet. Publishing moves linked requests to Done.</p>
        )}
        <label>
          Find a request by title
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        {matches.length ? (
          <ul class="matches">
            {matches.map((request) => (
              <li key={request.id}>
                <button
                  type="button"
                  class="link"
                  aria-label={`Link ${request.title}`}
                  onClick={() => {
                    setLinked([...linked, { id: request.id, title: request.title }])
                    setSearch('')
                  }}
                >
                  {request.title}
                </button>{' '}
                <span class="count">
                  {STATUS_LABELS[request.status]} · {request.votes} votes
                </span>
              </li>
            ))}
          </ul>
        ) : words ? (
          <p class="hint">No request matches.</p>
        ) : null}
      </fieldset>
      {error ? <p role="alert">{error}</p> : null}
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => save(false)}>
          {published ? 'Save' : 'Save draft'}
        </button>
        {published ? null : (
          <button type="submit" class="primary" disabled={busy}>
            Publish now
          </button>
        )}
      </div>
    </form>
  )
}
