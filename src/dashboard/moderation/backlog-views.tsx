import { useEffect, useState } from 'preact/hooks'
import type { BacklogFilter } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'

/** What the backlog lists: the standing requests, the ones waiting for approval, or the deleted. */
export type BacklogView = 'standing' | 'pending' | 'deleted'

/** The backlog's filter for a view: the two moderation views ignore the others. */
export function filterForView(view: BacklogView, filter: BacklogFilter): BacklogFilter {
  if (view === 'pending') return { status: 'pending' }
  if (view === 'deleted') return { deleted: true }
  return filter
}

/**
 * How many requests wait for approval (at most a page: "200+" past it), asked again whenever
 * `version` moves (a delete, an approval, a reload of the backlog).
 */
export function useWaitingCount(
  client: AdminClient,
  projectId: string,
  version: unknown,
): number | null {
  const [count, setCount] = useState<number | null>(null)
  useEffect(() => {
    let live = true
    client.backlog(projectId, 'new', { status: 'pending' }).then((result) => {
      if (live && result.ok) setCount(result.data.requests.length)
    })
    return () => {
      live = false
    }
  }, [client, projectId, version])
  return count
}

/** The switch above the backlog between its three views (not a tab: the backlog's own lists). */
export function BacklogViewSwitch({
  view,
  waiting,
  onChange,
}: {
  view: BacklogView
  /** Requests waiting for approval; null while counting. */
  waiting: number | null
  onChange: (view: BacklogView) => void
}) {
  const options: { value: BacklogView; label: string }[] = [
    { value: 'standing', label: 'Backlog' },
    {
      value: 'pending',
      label: waiting ? `Waiting for approval (${waiting})` : 'Waiting for approval',
    },
    { value: 'deleted', label: 'Deleted' },
  ]
  return (
    <div class="segmented backlog-views" role="group" aria-label="Which requests">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={view === option.value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  )
}
