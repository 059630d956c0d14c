import { describe, expect, it } from 'vitest'
import { de, en, fill, fr, type Messages, messagesFor } from '../../src/shared/messages'

/** Every key path of a message table with the placeholders its text uses. */
function shape(messages: Messages): string[] {
  const paths: string[] = []
  const walk = (value: object, prefix: string) => {
    for (const [key, text] of Object.entries(value)) {
      if (typeof text === 'string') {
        paths.push(`${prefix}${key} ${(text.match(/\{\d\}/g) ?? []).sort().join('')}`)
      } else walk(text, `${prefix}${key}.`)
    }
  }
  walk(messages, '')
  return paths.sort()
}

describe('widget strings', () => {
  it.each([
    ['de', de],
    ['fr', fr],
  ])('has every English string in %s, with the same placeholders', (_, messages) => {
    expect(shape(messages)).toEqual(shape(en))
  })

  it('picks the language of a locale and knows when it does not speak one', () => {
    expect(messagesFor('de-AT')).toBe(de)
    expect(messagesFor('FR')).toBe(fr)
    expect(messagesFor('ja')).toBeUndefined()
    expect(messagesFor('__proto__')).toBeUndefined()
  })

  it('fills placeholders by position', () => {
    expect(fill(en.vote, 'Dark mode', 3)).toBe('Vote for Dark mode: 3')
    expect(fill(de.rateLimited, 5)).toBe('Zu viele Anfragen. In 5 s erneut versuchen.')
  })
})
