import { useState } from 'preact/hooks'
import type { BacklogRequest, RequestTag } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { countOf } from '../format/plural'
import { tagIdsWith, tagsClient } from './tags-client'

/**
 * Tags for the backlog rows ticked: add one tag to all of them, or take it off. One PATCH per
 * request (the backlog has no bulk route); a request that already has (or lacks) the tag is
 * left alone.
 */
export function BulkTagBar({
  client,
  projectId,
  selected,
  tags,
  onDone,
}: {
  client: AdminClient
  projectId: string
  selected: BacklogRequest[]
  tags: RequestTag[]
  /** Every change is saved (or failed): reload, and say what happened. */
  onDone: (sentence: string) => Promise<void> | void
}) {
  const [tagId, setTagId] = useState(tags[0]?.id ?? '')
  const [busy, setBusy] = useState(false)
  const tag = tags.find((candidate) => candidate.id === tagId) ?? tags[0]
  if (selected.length === 0 || !tag) return null

  async function apply(present: boolean) {
    if (!tag) return
    setBusy(true)
    const changing = selected.filter(
      (request) => request.tags.some((own) => own.id === tag.id) !== present,
    )
    const results = await Promise.all(
      changing.map((request) =>
        tagsClient(client).setRequestTags(
          projectId,
          request.id,
          tagIdsWith(request.tags, tag.id, present),
        ),
      ),
    )
    setBusy(false)
    const failed = results.filter((result) => !result.ok).length
    const done = countOf(changing.length - failed, 'request', 'requests')
    const sentence = present ? `Tagged ${done} “${tag.name}”.` : `Took “${tag.name}” off ${done}.`
    await onDone(
      failed > 0 ? `${sentence} ${countOf(failed, 'change', 'changes')} failed.` : sentence,
    )
  }

  return (
    <div class="bulk-tags" role="group" aria-label="Tag the selected requests">
      <span>{countOf(selected.length, 'request', 'requests')} selected</span>
      <label>
        Tag{' '}
        <select value={tag.id} onChange={(event) => setTagId(event.currentTarget.value)}>
          {tags.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="primary" disabled={busy} onClick={() => apply(true)}>
        Add tag
      </button>
      <button type="button" disabled={busy} onClick={() => apply(false)}>
        Remove tag
      </button>
    </div>
  )
}
