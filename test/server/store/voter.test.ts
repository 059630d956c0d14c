import { describe, expect, it } from 'vitest'
import { anonymousVoter, parseVoter, personVoter } from '../../../src/server/store/types'

describe('parseVoter', () => {
  it('reads back the person a person voter key was made from', () => {
    expect(parseVoter(personVoter('user-42'))).toEqual({ kind: 'person', sub: 'user-42' })
  })

  it('reads back the anonymous id of an anonymous voter key', () => {
    expect(parseVoter(anonymousVoter('0b7c'))).toEqual({ kind: 'anonymous', anonymousId: '0b7c' })
  })

  it('keeps a sub that itself starts like a voter key whole', () => {
    expect(parseVoter(personVoter('a:odd'))).toEqual({ kind: 'person', sub: 'a:odd' })
  })
})
