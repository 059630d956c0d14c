import type { MergedRequest } from '../../shared/api'
import { formatDate } from '../format/dates'
import { countOf } from '../format/plural'

/**
 * The duplicates folded into this request, read from the server (so they are still here after
 * a reload), each with Unmerge: it stands on its own again with its votes and comments.
 */
export function MergedRequests({
  merged,
  onUnmerge,
}: {
  merged: readonly MergedRequest[]
  /** Absent for a viewer, who reads the list without the buttons. */
  onUnmerge?: (merged: MergedRequest) => void
}) {
  if (merged.length === 0) return null
  return (
    <section class="drawer-section" aria-labelledby="merged-requests-heading">
      <h3 id="merged-requests-heading">Merged into this request</h3>
      <ul class="merged-requests">
        {merged.map((entry) => (
          <li key={entry.id}>
            <span>
              “{entry.title}”{' '}
              <span class="hint">
                {countOf(entry.votes, 'vote', 'votes')}, merged {formatDate(entry.mergedAt)}
              </span>
            </span>
            {onUnmerge ? (
              <button
                type="button"
                aria-label={`Unmerge “${entry.title}”`}
                onClick={() => onUnmerge(entry)}
              >
                Unmerge
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
