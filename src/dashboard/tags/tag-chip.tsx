import type { RequestTag } from '../../shared/api'
import { textOnAccent } from '../settings/colour-contrast'
import './tags.css'

/**
 * A tag in its colour, with whichever of black or white reads on it at 4.5:1 or better (the
 * same choice as the widget's accent), so any colour the team picks keeps its name readable.
 */
export function TagChip({ tag }: { tag: RequestTag }) {
  return (
    <span class="tag-chip" style={{ background: tag.color, color: textOnAccent(tag.color) }}>
      {tag.name}
    </span>
  )
}

/** A request's tags in a row; nothing when it has none. */
export function TagChips({ tags }: { tags: RequestTag[] }) {
  if (tags.length === 0) return null
  return (
    <span class="tag-chips">
      {tags.map((tag) => (
        <TagChip key={tag.id} tag={tag} />
      ))}
    </span>
  )
}
