import type { RequestTag } from '../shared/api'
import type { PortalView } from './portal-view'
import { TagDot } from './tag-chips'

interface Props {
  view: PortalView
  tags: RequestTag[]
  /** The tag the board shows (its id), or null for all. */
  current: string | null
  /** The board's link with this tag (null: every tag), the other choices kept. */
  linkWith(tag: string | null): string
}

/** The board's tag filter: plain links (`?tag=`), like the status filter; none without tags. */
export function TagFilter({ view, tags, current, linkWith }: Props) {
  if (tags.length === 0) return null
  const { t } = view
  return (
    <nav aria-label={t.tag}>
      <ul class="chips">
        <li>
          <a href={linkWith(null)} aria-current={current ? undefined : 'true'}>
            {t.all}
          </a>
        </li>
        {tags.map((tag) => (
          <li key={tag.id}>
            <a href={linkWith(tag.id)} aria-current={current === tag.id ? 'true' : undefined}>
              <TagDot color={tag.color} />
              {tag.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
