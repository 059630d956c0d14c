import type { RequestTag } from '../../shared/api'

/** The backlog's filter by tag: any, or one of the project's tags; none while there are none. */
export function TagFilterField({
  tags,
  value,
  onChange,
}: {
  tags: RequestTag[] | null
  value: string | undefined
  onChange: (tagId: string | undefined) => void
}) {
  if (!tags || tags.length === 0) return null
  return (
    <label>
      Tag{' '}
      <select
        value={value ?? ''}
        onChange={(event) => onChange(event.currentTarget.value || undefined)}
      >
        <option value="">Any</option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </select>
    </label>
  )
}
