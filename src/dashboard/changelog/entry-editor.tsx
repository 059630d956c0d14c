import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { BacklogRequest, ChangelogEntry } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { countOf } from '../format/plural'
import { changelogClient } from './changelog-client'
import { EntryActions, type PendingAction } from './entry-actions'
import { attachmentIdsInBody, IMAGE_TYPES, insertAt, markdownImage } from './entry-images'
import { ImageButton } from './image-button'
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
  const [uploading, setUploading] = useState(false)
  const bodyField = useRef<HTMLTextAreaElement>(null)

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

  /** Uploads the image and writes it into the body where the caret is; the preview shows it. */
  async function addImage(file: File) {
    if (!IMAGE_TYPES.includes(file.type)) {
      return setError('Not added: choose a PNG, JPEG, WebP or GIF image.')
    }
    setUploading(true)
    setError(null)
    const result = await client.uploadImage(projectId, file)
    setUploading(false)
    if (!result.ok) return setError(`Image not added: ${result.message}`)
    const field = bodyField.current
    const selection = field
      ? { start: field.selectionStart, end: field.selectionEnd }
      : { start: body.length, end: body.length }
    const next = insertAt(body, markdownImage(file.name, result.data.attachment.url), selection)
    setBody(next.body)
    requestAnimationFrame(() => field?.setSelectionRange(next.caret, next.caret))
  }

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
          // The images the body shows stay attached; one taken out of it is let go.
          attachmentIds: attachmentIdsInBody(body, projectId),
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
          Body (Markdown: headings, *emphasis*, lists, [links](https://…), `code`; paste an image or
          use Add image)
          <textarea
            ref={bodyField}
            rows={12}
            value={body}
            onInput={(e) => setBody(e.currentTarget.value)}
            onPaste={(event) => {
              const image = [...(event.clipboardData?.files ?? [])].find((file) =>
                IMAGE_TYPES.includes(file.type),
              )
              if (!image) return
              event.preventDefault()
              void addImage(image)
            }}
          />
        </label>
        <section aria-label="Preview" class="entry-preview">
          <h3 class="entry-title">{title || 'Untitled'}</h3>
          <MarkdownPreview markdown={body} projectId={projectId} />
        </section>
      </div>
      <ImageButton busy={uploading} onPick={(file) => void addImage(file)} />
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
