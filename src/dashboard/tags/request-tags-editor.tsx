import { useState } from 'preact/hooks'
import type { BacklogRequest, RequestTag } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { TagChip, TagChips } from './tag-chip'
import { tagIdsWith, tagsClient } from './tags-client'

/**
 * The drawer's Tags section: one checkbox per project tag, each change saved at once (a tag is
 * bookkeeping, nobody is told). A viewer sees the chips only.
 */
export function RequestTagsEditor({
  client,
  projectId,
  request,
  tags,
  canTriage,
  onChanged,
}: {
  client: AdminClient
  projectId: string
  request: BacklogRequest
  /** The project's tags; null while loading. */
  tags: RequestTag[] | null
  canTriage: boolean
  /** Saved: the backlog shows the request's new tags. */
  onChanged: () => Promise<void> | void
}) {
  const [saved, setSaved] = useState('')
  const [error, setError] = useState<string | null>(null)
  // Ticked at once, while the save and the backlog's reload are on their way.
  const [wanted, setWanted] = useState<string[] | null>(null)
  const busy = wanted !== null
  const shown = wanted ?? request.tags.map((own) => own.id)

  async function toggle(tag: RequestTag, present: boolean) {
    const next = tagIdsWith(
      shown.map((id) => ({ id })),
      tag.id,
      present,
    )
    setWanted(next)
    setSaved('')
    const result = await tagsClient(client).setRequestTags(projectId, request.id, next)
    setError(result.ok ? null : `The tags were not saved: ${result.message}`)
    if (result.ok) {
      setSaved(present ? `Tagged “${tag.name}”.` : `“${tag.name}” taken off.`)
      await onChanged()
    }
    setWanted(null)
  }

  if (!canTriage)
    return (
      <section class="drawer-section request-tags" aria-labelledby="request-tags-heading">
        <h3 id="request-tags-heading">Tags</h3>
        {request.tags.length === 0 ? (
          <p class="hint">No tags.</p>
        ) : (
          <TagChips tags={request.tags} />
        )}
      </section>
    )
  return (
    <section class="drawer-section request-tags" aria-label="Tags">
      {tags === null ? null : tags.length === 0 ? (
        <>
          <h3>Tags</h3>
          <p class="hint">No tags yet: an admin creates them in Settings › Tags.</p>
        </>
      ) : (
        <fieldset aria-busy={busy}>
          <legend>Tags</legend>
          {tags.map((tag) => {
            const present = shown.includes(tag.id)
            return (
              <label key={tag.id} class="check">
                <input
                  type="checkbox"
                  checked={present}
                  disabled={busy}
                  onChange={() => toggle(tag, !present)}
                />{' '}
                <TagChip tag={tag} />
              </label>
            )
          })}
        </fieldset>
      )}
      {error ? <p role="alert">{error}</p> : null}
      <p class="saved" role="status">
        {saved}
      </p>
    </section>
  )
}
