/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact'
import type { List } from '../board/list'
import type { Messages } from '../i18n'

interface Props {
  list: List
  t: Messages
}

/**
 * The board's tag filter (spec v3 "Tags"): the tags the listed requests carry, by name; none
 * shown while no request has one. Like the status filter it narrows the list on screen.
 */
export function TagFilter({ list, t }: Props) {
  const { requests, tagFilter } = list.get()
  const tags = new Map<string, string>()
  for (const request of requests) for (const tag of request.tags) tags.set(tag.id, tag.name)
  if (!tags.size && !tagFilter) return null
  return (
    <select
      aria-label={t.tag}
      value={tagFilter}
      onChange={(event) => list.setTagFilter(event.currentTarget.value)}
    >
      <option value="">{t.all}</option>
      {[...tags]
        .sort((a, b) => a[1].localeCompare(b[1]))
        .map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
    </select>
  )
}
