import { invalid } from '../errors'

/**
 * The opaque `cursor` of the admin lists (backlog, companies, people, audit log): the sort key
 * and id of the last row a page showed, so the next page starts right after it (a keyset, not
 * an offset: rows added or removed meanwhile never make a page repeat or skip the rest). Clients
 * hand it back as they got it; its form may change.
 *
 * A key is a short list of strings and numbers: the list's sort values then its unique tie-break.
 */
export type CursorKey = readonly (string | number)[]

const VERSION = 1
/** Far above any real key (a title is not in it; ids, numbers and timestamps are). */
const MAX_CURSOR_CHARS = 1024

export function listCursor(list: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([VERSION, list, ...key])).toString('base64url')
}

/**
 * The key inside a cursor of `list` whose parts have the given types; 400 validation_failed
 * naming `cursor` for anything this server did not hand out for that list (another list's
 * cursor included).
 */
export function readListCursor(
  cursor: string,
  list: string,
  shape: readonly ('string' | 'number')[],
): CursorKey {
  const fail = () => invalid('cursor', 'cursor: not a cursor this server handed out for this list')
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw fail()
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw fail()
  }
  if (!Array.isArray(decoded) || decoded[0] !== VERSION || decoded[1] !== list) throw fail()
  const key = decoded.slice(2)
  const fits =
    key.length === shape.length &&
    key.every((part, i) =>
      shape[i] === 'number'
        ? typeof part === 'number' && Number.isSafeInteger(part)
        : typeof part === 'string' && part.length <= 256,
    )
  if (!fits) throw fail()
  return key as CursorKey
}

/** `?cursor=`: absent or empty means the first page. */
export function optionalListCursor(
  cursor: string | undefined,
  list: string,
  shape: readonly ('string' | 'number')[],
): CursorKey | null {
  return cursor === undefined || cursor === '' ? null : readListCursor(cursor, list, shape)
}

/**
 * One page out of `limit + 1` rows read: the extra row only says there is more, and the cursor
 * names the last row shown.
 */
export function pageOf<Row>(
  rows: Row[],
  limit: number,
  list: string,
  keyOf: (row: Row) => CursorKey,
): { rows: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null }
  const shown = rows.slice(0, limit)
  const last = shown[shown.length - 1]
  return { rows: shown, nextCursor: last === undefined ? null : listCursor(list, keyOf(last)) }
}
