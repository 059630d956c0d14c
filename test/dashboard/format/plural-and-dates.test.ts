import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from '../../../src/dashboard/format/dates'
import { countOf } from '../../../src/dashboard/format/plural'

describe('counts and dates in the dashboard', () => {
  it('pairs a count with the right noun', () => {
    expect(countOf(1, 'comment', 'comments')).toBe('1 comment')
    expect(countOf(0, 'comment', 'comments')).toBe('0 comments')
    expect(countOf(1204, 'person', 'people')).toBe('1,204 people')
  })

  it('writes a day and a moment in the locale asked for, never as ISO', () => {
    expect(formatDate('2026-03-04T10:00:00Z', 'en-GB')).toBe('4 Mar 2026')
    expect(formatDate('2026-03-04T10:00:00Z', 'fr')).toBe('4 mars 2026')
    expect(formatDateTime('2026-03-04T10:00:00Z', 'en-GB')).not.toContain('T10')
  })
})
