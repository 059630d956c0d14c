import { describe, expect, it } from 'vitest'
import {
  erasedWordsLikePatterns,
  erasedWordsPattern,
  withoutErasedWords,
} from '../../../src/server/store/erased-words'

describe('cutting an erased person’s email and name out of copied JSON', () => {
  const pattern = erasedWordsPattern({ email: 'Ann@Example.com', name: 'Ann Lee' })
  if (!pattern) throw new Error('expected a pattern')

  it('replaces the email anywhere, whatever its case, and the name as whole words', () => {
    const { value, changed } = withoutErasedWords(
      {
        target: 'ann@example.com',
        detail: {
          onBehalfOf: { sub: 'u-1', email: 'ANN@EXAMPLE.COM', name: 'Ann Lee' },
          note: 'Called Ann Lee (ann@example.com) about Ann Leela’s idea',
          tags: ['Ann Lee', 3, null, true],
        },
      },
      pattern,
    )
    expect(changed).toBe(true)
    expect(value).toEqual({
      target: '[erased]',
      detail: {
        onBehalfOf: { sub: 'u-1', email: '[erased]', name: '[erased]' },
        note: 'Called [erased] ([erased]) about Ann Leela’s idea',
        tags: ['[erased]', 3, null, true],
      },
    })
  })

  it('leaves JSON without them as it was, and says so', () => {
    const input = { title: 'Announcement', by: 'Bob' }
    expect(withoutErasedWords(input, pattern)).toEqual({ value: input, changed: false })
  })

  it('looks for nothing when there is no email and no name of two letters or more', () => {
    expect(erasedWordsPattern({ email: null, name: 'A' })).toBeNull()
    expect(erasedWordsLikePatterns({ email: '  ', name: null })).toEqual([])
  })

  it('finds rows with LIKE patterns that treat % and _ literally', () => {
    expect(erasedWordsLikePatterns({ email: 'a_b%c@x.io', name: 'Zoë' })).toEqual([
      '%a\\_b\\%c@x.io%',
      '%Zoë%',
    ])
  })
})
