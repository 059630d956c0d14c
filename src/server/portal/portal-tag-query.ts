import type { Context } from 'hono'

/** Longer than any tag id (routes/tag-schemas.ts): such a `?tag=` is no tag, and finds nothing. */
const TAG_ID_MAX_LENGTH = 64

/**
 * The board's `?tag={tagId}`: like its other choices, a value that cannot be a tag is no filter
 * rather than an error page; an id no tag has shows an empty board.
 */
export function portalTagOf(c: Context): string | null {
  const tag = (c.req.query('tag') ?? '').trim()
  return tag && tag.length <= TAG_ID_MAX_LENGTH ? tag : null
}
