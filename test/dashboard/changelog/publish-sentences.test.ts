import { describe, expect, it } from 'vitest'
import { publishLabel, publishSentences } from '../../../src/dashboard/changelog/publish-sentences'

describe('what the publish confirmation says', () => {
  it('leads with who is emailed, then who only sees it in the widget, what moves, who cannot be told', () => {
    const audience = { people: 5, withEmail: 3, anonymous: 1, mail: 'smtp' as const }
    expect(publishSentences(audience, 2)).toEqual([
      '3 people will be emailed.',
      '2 more people without email will see it under Updates in the widget.',
      '2 linked requests move to Done.',
      '1 anonymous voter cannot be told.',
    ])
    expect(publishLabel(audience)).toBe('Publish and email 3 people')
  })

  it('says nobody is emailed when email is off, naming the setting, and the button promises no email', () => {
    const audience = { people: 1, withEmail: 0, anonymous: 0, mail: 'off' as const }
    expect(publishSentences(audience, 1)).toEqual([
      'Nobody will be emailed: email is off (REQIO_SMTP_URL is not set).',
      '1 person will see it under Updates in the widget.',
      '1 linked request moves to Done.',
    ])
    expect(publishLabel(audience)).toBe('Publish')
  })

  it('says an entry that ships nothing emails nobody', () => {
    const nobody = { people: 0, withEmail: 0, anonymous: 0, mail: 'kept' as const }
    expect(publishSentences(nobody, 0)).toEqual([
      'It ships no request: nobody is emailed. It appears under What’s new in the widget.',
    ])
    expect(publishLabel({ ...nobody, people: 1, withEmail: 1 }, 'Save')).toBe(
      'Save and email 1 person',
    )
  })
})
