import { useRef, useState } from 'preact/hooks'
import type { RequestTag, TagInput } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { WhyNot } from '../auth/why-not'
import { AskFirstButton } from '../ui/ask-first-button'
import { TagChip } from './tag-chip'
import { TagForm } from './tag-form'
import { tagsClient } from './tags-client'
import { useTags } from './use-tags'

const FIRST_COLOUR = '#3856d6'

/**
 * Settings › Tags: the project's tags, shown to customers on requests and as a filter in the
 * widget and the portal. Everyone on the team sees them; admins and owners create, rename,
 * recolour and delete them (members tag requests in the backlog).
 */
export function TagsSettingsPage({
  client,
  projectId,
  allowed,
}: {
  client: AdminClient
  projectId: string
  allowed: boolean
}) {
  const tags = tagsClient(client)
  const { tags: list, error: loadError, reload } = useTags(client, projectId)
  const [editing, setEditing] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [error, setError] = useState<string | null>(null)
  const nameField = useRef<HTMLDivElement>(null)

  async function create(input: TagInput): Promise<string | null> {
    const result = await tags.create(projectId, input)
    if (!result.ok) return `The tag was not created: ${result.message}`
    setStatus(`Tag “${result.data.tag.name}” created.`)
    await reload()
    return null
  }

  async function update(tag: RequestTag, input: TagInput): Promise<string | null> {
    const changes: Partial<TagInput> = {}
    if (input.name !== tag.name) changes.name = input.name
    if (input.color !== tag.color) changes.color = input.color
    const result = await tags.update(projectId, tag.id, changes)
    if (!result.ok) return `The tag was not saved: ${result.message}`
    setEditing(null)
    setStatus(`Tag “${result.data.tag.name}” saved.`)
    await reload()
    return null
  }

  async function remove(tag: RequestTag) {
    const result = await tags.remove(projectId, tag.id)
    setError(result.ok ? null : `The tag was not deleted: ${result.message}`)
    if (!result.ok) return
    setStatus(`Tag “${tag.name}” deleted.`)
    await reload()
    nameField.current?.querySelector('input')?.focus()
  }

  return (
    <section class="tags-settings" aria-labelledby="tags-intro">
      <p id="tags-intro" class="hint">
        Tags group requests by area (Billing, Mobile, API…). Your customers see them on requests and
        can filter the board by them in the widget and the portal.
      </p>
      {allowed ? (
        <div class="new-tag" ref={nameField}>
          <h3>Create a tag</h3>
          <TagForm
            idPrefix="new-tag"
            initial={{ name: '', color: FIRST_COLOUR }}
            submitLabel="Create tag"
            onSave={create}
          />
        </div>
      ) : (
        <WhyNot permission="configure" doing="create, rename or delete tags" />
      )}
      {loadError || error ? <p role="alert">{loadError ?? error}</p> : null}
      <p role="status" class="tags-status">
        {status}
      </p>
      <h3>Tags</h3>
      {list === null ? null : list.length === 0 ? (
        <p class="hint">No tag yet.</p>
      ) : (
        <ul class="tags-list" aria-label="Tags">
          {list.map((tag) => (
            <li key={tag.id}>
              {editing === tag.id ? (
                <TagForm
                  idPrefix={`tag-${tag.id}`}
                  initial={{ name: tag.name, color: tag.color }}
                  submitLabel="Save"
                  submitName={`Save ${tag.name}`}
                  onSave={(input) => update(tag, input)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <TagChip tag={tag} />
                  {allowed ? (
                    <>
                      <button
                        type="button"
                        aria-label={`Edit ${tag.name}`}
                        onClick={() => setEditing(tag.id)}
                      >
                        Edit
                      </button>
                      <AskFirstButton
                        label="Delete"
                        name={`Delete ${tag.name}`}
                        question={
                          <>
                            Delete <strong>{tag.name}</strong>? It comes off every request that has
                            it.
                          </>
                        }
                        confirmLabel="Delete tag"
                        danger
                        onConfirm={() => remove(tag)}
                      />
                    </>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
