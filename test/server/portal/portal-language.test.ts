import { describe, expect, it } from 'vitest'
import { portalLanguageOf } from '../../../src/server/portal/portal-language'

describe('the portal page’s language', () => {
  it('takes ?lang= first when the portal speaks it', () => {
    expect(portalLanguageOf('fr', 'de-DE,de;q=0.9')).toBe('fr')
    expect(portalLanguageOf('DE-ch', undefined)).toBe('de')
  })

  it('falls back to the best Accept-Language choice it speaks, by quality', () => {
    expect(portalLanguageOf(undefined, 'ja, fr;q=0.4, de;q=0.8')).toBe('de')
    expect(portalLanguageOf('xx', 'es-ES, fr-CA;q=0.9')).toBe('fr')
  })

  it('answers English for anything else, refused or malformed', () => {
    expect(portalLanguageOf(undefined, undefined)).toBe('en')
    expect(portalLanguageOf('ja', 'ja;q=1, de;q=0')).toBe('en')
    expect(portalLanguageOf(undefined, ';;;,q=,de;q=abc')).toBe('en')
  })
})
