import { useEffect, useMemo, useState } from 'preact/hooks'
import type { BacklogRequest, ChangelogEntry } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { countOf } from '../format/plural'
import { changelogClient } from './changelog-client'
import { EntryActions, type PendingAction } from './entry-actions'
import { MarkdownPreview } from './markdown-preview'
import { type LinkedRequest, RequestsPicker } from './requests-picker'

interface Props {
  client: AdminClient
  projectId: string
  /** null: a new entry. */
  entry: ChangelogEntry | null
  /** `notice` says what happened; the page shows it, since saving a new entry remounts this. */
  onSaved(entry: ChangelogEntry, notice: string): void | Promise<void>
  /** The entry is gone: the page lists the rest and opens a new one. */
  onDeleted(title: string): void | Promise<void>
}

/** Title, Markdown body with a live preview, the requests it ships, then save or publish. */
export function EntryEditor({ client, projectId, entry, onSaved, onDeleted }: Props) {
  const changelog = useMemo(() => changelogClient(client), [client])
  const [title, setTitle] = useState(entry?.title ?? '')
  const [body, setBody] = useState(entry?.body ?? '')
  const [linked, setLinked] = useState<LinkedRequest[]>(entry?.requests ?? [])
  const [requests, setRequests] = useState<BacklogRequest[]>([])
  const [pending, setPending] = useState<PendingAction | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client.backlog(projectId, 'new').then((result) => {
      if (result.ok) setRequests(result.data.requests)
    })
  }, [client, projectId])

  const published = Boolean(entry?.publishedAt)
  // A draft ships every linked request when published; a published entry only the new links.
  const shipIds = linked
    .map((link) => link.id)
    .filter((id) => !published || !entry?.requestIds.includes(id))

  async function run<T>(
    work: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>,
    done: (data: T) => void | Promise<void>,
    failed: string,
  ) {
    setBusy(true)
    setError(null)
    const result = await work()
    setBusy(false)
    if (!result.ok) return setError(`${failed}: ${result.message}`)
    setPending(null)
    await done(result.data)
  }

  const save = (publish: boolean) =>
    run(
      () =>
        client.saveChangelogEntry(projectId, entry?.id ?? null, {
          title,
          body,
          requestIds: linked.map((link) => link.id),
          // Saving a published entry keeps it published; only "Publish now" publishes a draft.
          ...(publish ? { publish: true } : published ? {} : { publish: false }),
        }),
      ({ entry: saved }) => onSaved(saved, savedNotice(saved, publish, shipIds.length)),
      'Not saved',
    )

  return (
    <form
      class="entry-editor"
      aria-label={entry ? `Edit “${entry.title}”` : 'New changelog entry'}
      onSubmit={(event) => {
        event.preventDefault()
        if (!published) setPending('publish')
        else if (shipIds.length) setPending('ship-more')
        else void save(false)
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
        <section aria-label="Preview" class="entry-preview">
          <h3 class="entry-title">{title || 'Untitled'}</h3>
          <MarkdownPreview markdown={body} />
        </section>
      </div>
      <RequestsPicker linked={linked} requests={requests} onChange={setLinked} />
      {error ? <p role="alert">{error}</p> : null}
      <EntryActions
        projectId={projectId}
        changelog={changelog}
        entry={entry}
        title={title}
        shipIds={shipIds}
        busy={busy}
        pending={pending}
        onPendingChange={setPending}
        onSave={save}
        onUnpublish={() =>
          entry &&
          run(
            () => changelog.unpublish(projectId, entry.id),
            ({ entry: saved }) =>
              onSaved(saved, 'Unpublished: it is a draft again, gone from What’s new.'),
            'Not unpublished',
          )
        }
        onDelete={() =>
          entry &&
          run(
            () => changelog.remove(projectId, entry.id),
            () => onDeleted(entry.title),
            'Not deleted',
          )
        }
      />
    </form>
  )
}

/** What a save did; `shipping`: the requests a save of a published entry newly shipped. */
function savedNotice(entry: ChangelogEntry, published: boolean, shipping: number): string {
  if (!published) {
    if (!entry.publishedAt || !shipping) return 'Saved.'
    return `Saved. ${countOf(shipping, 'more request is', 'more requests are')} now Done.`
  }
  const shipped = entry.requests.length
  if (!shipped) return 'Published.'
  return `Published. ${countOf(shipped, 'linked request is', 'linked requests are')} now Done.`
}
