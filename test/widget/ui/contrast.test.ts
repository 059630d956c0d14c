import { describe, expect, it } from 'vitest'
import { textOn } from '../../../src/widget/ui/contrast'

/** WCAG contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b] = (hex.slice(1).match(/../g) ?? []).map((d) => {
      const c = parseInt(d, 16) / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

describe('the text colour on the accent', () => {
  it.each(['#f97316', '#4f46e5', '#ffff00', '#22c55e', '#0ea5e9', '#777777', '#000000', '#ffffff'])(
    'reads at 4.5:1 or better on %s',
    (accent) => {
      const on = textOn(accent) === '#fff' ? '#ffffff' : '#000000'
      expect(contrast(accent, on)).toBeGreaterThanOrEqual(4.5)
    },
  )

  it('reads the browser’s rgb() and short hex', () => {
    expect(textOn('rgb(249, 115, 22)')).toBe('#000')
    expect(textOn('#fff')).toBe('#000')
    expect(textOn('#123')).toBe('#fff')
  })
})
