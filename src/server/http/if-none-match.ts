/** Longer If-None-Match headers are not worth reading: a client with that many ETags gets a 200. */
export const IF_NONE_MATCH_MAX_LENGTH = 8192

/**
 * Whether an If-None-Match header names `etag` (or `*`). One pass over the header, no regular
 * expression that can backtrack: a splitting regex with `\s*` on both sides of the comma was
 * quadratic in runs of spaces.
 */
export function ifNoneMatchIncludes(header: string | undefined, etag: string): boolean {
  if (!header || header.length > IF_NONE_MATCH_MAX_LENGTH) return false
  for (const candidate of header.split(',')) {
    const tag = candidate.trim()
    if (tag === etag || tag === `W/${etag}` || tag === '*') return true
  }
  return false
}
