// toIso's fast path slices PostgreSQL's JSON timestamps instead of parsing them: it must answer
// exactly what parsing answers, for every form PostgreSQL writes and for any other input.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toIso } from '../../../src/server/store/rows'

const parsed = (value: string | Date) => new Date(value).toISOString()

describe('toIso', () => {
  it('reads PostgreSQL’s UTC JSON timestamps with 0 to 6 fractional digits', () => {
    expect(toIso('2026-12-03T10:15:00+00:00')).toBe('2026-12-03T10:15:00.000Z')
    expect(toIso('2026-12-03T10:15:00.5+00:00')).toBe('2026-12-03T10:15:00.500Z')
    expect(toIso('2026-12-03T10:15:00.123456+00:00')).toBe('2026-12-03T10:15:00.123Z')
    expect(toIso('2026-12-03T10:15:00.999999+00:00')).toBe('2026-12-03T10:15:00.999Z')
  })

  it('parses other offsets, Z, plain dates and Date objects in full', () => {
    expect(toIso('2026-12-03T10:15:00.25+05:30')).toBe('2026-12-03T04:45:00.250Z')
    expect(toIso('2026-12-03T10:15:00Z')).toBe('2026-12-03T10:15:00.000Z')
    expect(toIso('2026-12-03 10:15:00+00')).toBe(parsed('2026-12-03 10:15:00+00'))
    const date = new Date(Date.UTC(2026, 11, 3, 10, 15))
    expect(toIso(date)).toBe('2026-12-03T10:15:00.000Z')
  })

  it('answers what Date parsing answers for any instant written the way PostgreSQL writes it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        fc.nat(999),
        fc.integer({ min: 0, max: 6 }),
        (instant, micros, digits) => {
          const seconds = instant.toISOString().slice(0, 19)
          const fraction =
            `${String(instant.getUTCMilliseconds()).padStart(3, '0')}${String(micros).padStart(3, '0')}`
              .slice(0, digits)
              .replace(/0+$/, '')
          const written = `${seconds}${fraction ? `.${fraction}` : ''}+00:00`
          expect(toIso(written)).toBe(parsed(written))
        },
      ),
    )
  })
})
