import {
  type BacklogFilter,
  REQUEST_STATUSES,
  type RequestStatus,
  type RequestTag,
} from '../../shared/api'
import { AtRiskFilter } from '../revenue/at-risk-filter'
import { TagFilterField } from '../tags/tag-filter-field'
import { STATUS_LABELS } from './status-labels'

/** Search and filters over the backlog; every change asks the server again. */
export function BacklogFilters({
  filter,
  onChange,
  tags = null,
}: {
  filter: BacklogFilter
  onChange: (filter: BacklogFilter) => void
  /** The project's tags, for the tag filter (none shown without tags). */
  tags?: RequestTag[] | null
}) {
  return (
    <div class="toolbar filters" role="search" aria-label="Filter the backlog">
      <label>
        Search titles{' '}
        <input
          type="search"
          value={filter.q ?? ''}
          onInput={(event) => onChange({ ...filter, q: event.currentTarget.value })}
        />
      </label>
      <label>
        Filter by status{' '}
        <select
          value={filter.status ?? ''}
          onChange={(event) =>
            onChange({
              ...filter,
              status: (event.currentTarget.value || undefined) as RequestStatus | undefined,
            })
          }
        >
          <option value="">Any</option>
          {REQUEST_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <TagFilterField
        tags={tags}
        value={filter.tag}
        onChange={(tag) => onChange({ ...filter, tag })}
      />
      <label>
        Plan{' '}
        <input
          size={10}
          value={filter.plan ?? ''}
          onChange={(event) => onChange({ ...filter, plan: event.currentTarget.value })}
        />
      </label>
      <label>
        Company id{' '}
        <input
          size={10}
          value={filter.company ?? ''}
          onChange={(event) => onChange({ ...filter, company: event.currentTarget.value })}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={filter.paying === true}
          onChange={(event) => onChange({ ...filter, paying: event.currentTarget.checked })}
        />{' '}
        Submitted by paying customers
      </label>
      <AtRiskFilter filter={filter} onChange={onChange} />
    </div>
  )
}
