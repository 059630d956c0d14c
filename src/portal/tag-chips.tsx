import type { RequestTag } from '../shared/api'

/**
 * The colour as an SVG dot: a presentation attribute, which the portal's CSP (styles by hash
 * only) allows where a style attribute would be refused. The name stays in the text colour, so
 * it reads whatever colour the team chose.
 */
export function TagDot({ color }: { color: string }) {
  return (
    <svg
      class="tag-dot"
      width="8"
      height="8"
      viewBox="0 0 8 8"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="4" cy="4" r="4" fill={color} />
    </svg>
  )
}

/** A request's tags (spec v3 "Tags") beside its status, by name. */
export function TagChips({ tags }: { tags: RequestTag[] }) {
  if (tags.length === 0) return null
  return (
    <>
      {tags.map((tag) => (
        <span key={tag.id} class="tag">
          <TagDot color={tag.color} />
          {tag.name}
        </span>
      ))}
    </>
  )
}
