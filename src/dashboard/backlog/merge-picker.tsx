import { useState } from 'preact/hooks'
import type { BacklogRequest } from '../../shared/api'
import { formatMoney } from '../format/money'
import { countOf } from '../format/plural'

/** How many matches the picker lists at once: enough to choose, short enough to scan. */
const SHOWN_MATCHES = 8

/** What a merge moves, in the owner's words: "14 votes, 3 comments, $2,400.00 MRR". */
export function mergeSummary(source: BacklogRequest): string {
  return `${countOf(source.votes, 'vote', 'votes')}, ${countOf(
    source.commentCount,
    'comment',
    'comments',
  )}, ${formatMoney(source.mrrCents)} MRR`
}

/**
 * Folding a duplicate into another request: search the others by title, pick one, then
 * confirm a sentence that says what moves. Nothing is merged before the confirm.
 */
export function MergePicker({
  source,
  others,
  onMerge,
}: {
  source: BacklogRequest
  others: BacklogRequest[]
  onMerge: (target: BacklogRequest) => void
}) {
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState<BacklogRequest | null>(null)
  const words = query.trim().toLowerCase()
  const matches = others
    .filter((other) => other.title.toLowerCase().includes(words))
    .slice(0, SHOWN_MATCHES)

  if (chosen) {
    return (
      <div class="merge-confirm" role="group" aria-labelledby="merge-confirm-text">
        <p id="merge-confirm-text">
          {mergeSummary(source)} move into “{chosen.title}”. Voters of both count once. You can undo
          this.
        </p>
        <div class="edit-row">
          <button type="button" class="primary" onClick={() => onMerge(chosen)}>
            Merge into “{chosen.title}”
          </button>
          <button type="button" onClick={() => setChosen(null)}>
            Cancel
          </button>
        </div>
      </div>
    )
  }
  return (
    <fieldset class="merge-picker">
      <legend>Merge this duplicate into another request</legend>
      <label>
        Find the request to keep{' '}
        <input
          type="search"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </label>
      {matches.length === 0 ? (
        <p class="hint">No other request has that in its title.</p>
      ) : (
        <ul class="merge-matches" aria-label="Requests to merge into">
          {matches.map((other) => (
            <li key={other.id}>
              <button type="button" class="link" onClick={() => setChosen(other)}>
                {other.title}
              </button>{' '}
              <span class="hint">
                {countOf(other.votes, 'vote', 'votes')}, {formatMoney(other.mrrCents)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
