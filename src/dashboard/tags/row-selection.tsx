import { useCallback, useMemo, useState } from 'preact/hooks'
import type { BacklogRequest } from '../../shared/api'

/** Which backlog rows are ticked for a bulk action, by request id. */
export interface RowSelection {
  ids: ReadonlySet<string>
  set(requestIds: string[], ticked: boolean): void
}

/** A selection that forgets rows no longer listed (a filter changed, a request merged away). */
export function useRowSelection(requests: BacklogRequest[] | null) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set())
  const listed = useMemo(() => new Set((requests ?? []).map((request) => request.id)), [requests])
  const shown = useMemo(() => new Set([...ids].filter((id) => listed.has(id))), [ids, listed])
  const set = useCallback((requestIds: string[], ticked: boolean) => {
    setIds((before) => {
      const next = new Set(before)
      for (const id of requestIds) {
        if (ticked) next.add(id)
        else next.delete(id)
      }
      return next
    })
  }, [])
  const clear = useCallback(() => setIds(new Set()), [])
  const selection: RowSelection = { ids: shown, set }
  return { selection, clear }
}

export function SelectAllCell({
  selection,
  requests,
}: {
  selection: RowSelection
  requests: BacklogRequest[]
}) {
  const all = requests.length > 0 && requests.every((request) => selection.ids.has(request.id))
  return (
    <th scope="col" class="select">
      <input
        type="checkbox"
        aria-label="Select all requests"
        checked={all}
        onChange={() =>
          selection.set(
            requests.map((request) => request.id),
            !all,
          )
        }
      />
    </th>
  )
}

export function SelectCell({
  selection,
  request,
}: {
  selection: RowSelection
  request: BacklogRequest
}) {
  const ticked = selection.ids.has(request.id)
  return (
    <td class="select">
      <input
        type="checkbox"
        aria-label={`Select ${request.title}`}
        checked={ticked}
        onChange={() => selection.set([request.id], !ticked)}
      />
    </td>
  )
}
