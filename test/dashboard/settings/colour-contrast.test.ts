import { describe, expect, it } from 'vitest'
import { contrastRatio, textOnAccent } from '../../../src/dashboard/settings/colour-contrast'
import { textOn } from '../../../src/widget/ui/contrast'

describe('the accent colour’s contrast', () => {
  it('measures WCAG ratios: 21:1 for black on white, 1:1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#4f46e5', '#4f46e5')).toBe(1)
    expect(contrastRatio('#ffcc00', '#ffffff')).toBeCloseTo(1.5, 1)
  })

  it('puts the same text colour on an accent as the widget does', () => {
    for (const accent of ['#4f46e5', '#ffcc00', '#0b6e4f', '#f97316', '#777777', '#767676']) {
      expect(textOnAccent(accent).slice(0, 4)).toBe(textOn(accent) === '#fff' ? '#fff' : '#000')
    }
  })
})
