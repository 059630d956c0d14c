import type { BacklogFilter } from '../../shared/api'

/** The backlog's "Asked for by accounts at risk" filter (`?atRisk=true`). */
export function AtRiskFilter({
  filter,
  onChange,
}: {
  filter: BacklogFilter
  onChange: (filter: BacklogFilter) => void
}) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={filter.atRisk === true}
        onChange={(event) => onChange({ ...filter, atRisk: event.currentTarget.checked })}
      />{' '}
      Asked for by accounts at risk
    </label>
  )
}
