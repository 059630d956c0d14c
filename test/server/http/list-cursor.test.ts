import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/server/errors'
import { listCursor, pageOf, readListCursor } from '../../../src/server/http/list-cursor'
import { keysetAfter } from '../../../src/server/store/keyset'

const refused = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return error instanceof ApiError ? `${error.code} ${error.field}` : String(error)
  }
  return 'accepted'
}

describe('the admin lists’ opaque cursors', () => {
  it('reads back the key it wrote, for the same list only', () => {
    const cursor = listCursor('people', ['2026-12-06 13:00:00.123456+00', 42])
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(readListCursor(cursor, 'people', ['string', 'number'])).toEqual([
      '2026-12-06 13:00:00.123456+00',
      42,
    ])
    expect(refused(() => readListCursor(cursor, 'audit', ['string', 'number']))).toBe(
      'validation_failed cursor',
    )
  })

  it('refuses garbage, a key of the wrong shape and anything too long, naming cursor', () => {
    for (const cursor of [
      'not base64!',
      Buffer.from('{"a":1}').toString('base64url'),
      listCursor('people', ['x', 'not a number']),
      listCursor('people', ['x']),
      listCursor('people', ['x', 1.5]),
      'A'.repeat(2000),
    ]) {
      expect(
        refused(() => readListCursor(cursor, 'people', ['string', 'number'])),
        cursor,
      ).toBe('validation_failed cursor')
    }
  })

  it('answers a page and the cursor of its last row only when a row more was read', () => {
    const rows = [1, 2, 3]
    expect(pageOf(rows, 3, 'n', (n) => [n])).toEqual({ rows, nextCursor: null })
    const page = pageOf(rows, 2, 'n', (n) => [n])
    expect(page.rows).toEqual([1, 2])
    expect(readListCursor(page.nextCursor ?? '', 'n', ['number'])).toEqual([2])
  })
})

describe('rows after a key in an order of mixed directions', () => {
  it('nests one comparison per column, descending as <, ascending as >', () => {
    const { sql, params } = keysetAfter(
      [
        { sql: 'r.votes', descending: true, type: 'number' },
        { sql: 'r.created_at', descending: true, type: 'timestamp' },
        { sql: 'r.id', descending: false, type: 'text' },
      ],
      [3, '2026-01-01 00:00:00+00', 'r_a'],
      5,
    )
    expect(sql).toBe(
      '(r.votes < $5::bigint OR (r.votes = $5::bigint AND (r.created_at < $6::timestamptz' +
        ' OR (r.created_at = $6::timestamptz AND (r.id > $7::text)))))',
    )
    expect(params).toEqual([3, '2026-01-01 00:00:00+00', 'r_a'])
  })
})
