import { useCallback, useEffect, useState } from 'preact/hooks'
import type { ChangelogEntry } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { formatDate } from '../format/dates'
import { EntryEditor } from './entry-editor'
import './changelog.css'

/**
 * The project's changelog: drafts and published entries, and the editor for a new one or the
 * one picked. Publishing moves the linked requests to Done and tells their people.
 */
export function ChangelogPage({ client, projectId }: { client: AdminClient; projectId: string }) {
  const [entries, setEntries] = useState<ChangelogEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** The entry in the editor; null for a new one. */
  const [editing, setEditing] = useState<ChangelogEntry | null>(null)
  /** Changes to remount the editor empty after "New entry". */
  const [editorKey, setEditorKey] = useState(0)
  const [notice, setNotice] = useState('')

  const load = useCallback(async () => {
    const result = await client.listChangelog(projectId)
    if (result.ok) {
      setEntries(result.data.entries)
      setError(null)
    } else setError(`The changelog could not be loaded: ${result.message}`)
  }, [client, projectId])

  useEffect(() => {
    load()
  }, [load])

  const startNew = (text = '') => {
    setEditing(null)
    setNotice(text)
    setEditorKey((key) => key + 1)
  }

  return (
    <div class="changelog">
      <div class="changelog-editor">
        <p role="status" class="notice">
          {notice}
        </p>
        <EntryEditor
          key={editing ? editing.id : `new-${editorKey}`}
          client={client}
          projectId={projectId}
          entry={editing}
          onSaved={async (entry, text) => {
            setEditing(entry)
            setNotice(text)
            await load()
          }}
          onDeleted={async (title) => {
            startNew(`Deleted “${title}”.`)
            await load()
          }}
        />
      </div>
      <section class="changelog-list" aria-labelledby="entries-heading">
        <div class="toolbar">
          <h2 id="entries-heading">Entries</h2>
          <button type="button" onClick={() => startNew()}>
            New entry
          </button>
        </div>
        {error ? <p role="alert">{error}</p> : null}
        {entries === null && !error ? <p>Loading the changelog…</p> : null}
        {entries && entries.length === 0 ? (
          <p class="empty">No entries yet. Write one to tell your users what shipped.</p>
        ) : null}
        <ul>
          {(entries ?? []).map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                class="link"
                aria-current={editing?.id === entry.id}
                onClick={() => {
                  setEditing(entry)
                  setNotice('')
                }}
              >
                {entry.title}
              </button>{' '}
              <span class={entry.publishedAt ? 'badge published' : 'badge draft'}>
                {entry.publishedAt ? `Published ${formatDate(entry.publishedAt)}` : 'Draft'}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
