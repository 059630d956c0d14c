import type { RequestTag } from '../../shared/api'

/**
 * A request's tags as one json column of every request read (REQUEST_COLUMNS, rows.ts), so
 * that each list, detail, backlog, roadmap and portal answer carries them without a second
 * query or a change to its own SQL. Any statement that names its request `r` can use it; the
 * primary key of request_tags (request_id first) makes it an index lookup per row.
 */
export const REQUEST_TAGS_COLUMN = `(SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color)
                     ORDER BY lower(t.name), t.id), '[]'::json)
            FROM request_tags rt JOIN tags t ON t.id = rt.tag_id
           WHERE rt.request_id = r.id) AS tags`

/** The column read back: PGlite hands json over parsed, node-postgres too; a string is parsed. */
export function readRequestTags(value: unknown): RequestTag[] {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  if (!Array.isArray(parsed)) return []
  return parsed.map((tag: RequestTag) => ({ id: tag.id, name: tag.name, color: tag.color }))
}
