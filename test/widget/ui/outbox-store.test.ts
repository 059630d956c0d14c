import { afterEach, describe, expect, it } from 'vitest'
import { createOutbox, type OutboxEntry } from '../../../src/widget/ui/outbox'
import { createJsonStore } from '../../../src/widget/ui/storage'

afterEach(() => localStorage.clear())

const vote = (
  key: string,
  requestId: string,
  voted: boolean,
  identity = 'anon:a',
): OutboxEntry => ({
  kind: 'vote',
  key,
  identity,
  requestId,
  voted,
  at: 1,
})
const submit = (key: string, title: string, identity = 'anon:a'): OutboxEntry => ({
  kind: 'submit',
  key,
  identity,
  title,
  body: '',
  at: 1,
})

describe('the outbox store', () => {
  it('keeps entries in localStorage, so a new page sees them', () => {
    createOutbox(createJsonStore(), 'k').put(submit('s1', 'Dark mode'))
    expect(createOutbox(createJsonStore(), 'k').list('anon:a')).toEqual([submit('s1', 'Dark mode')])
  })

  it('lists only the entries of the identity asked for', () => {
    const outbox = createOutbox(createJsonStore(), 'k')
    outbox.put(submit('s1', 'Mine'))
    outbox.put(submit('s2', 'Theirs', 'user:b'))
    expect(outbox.list('user:b').map((e) => e.key)).toEqual(['s2'])
  })

  it('keeps only the latest wish per request and person for votes', () => {
    const outbox = createOutbox(createJsonStore(), 'k')
    outbox.put(vote('v1', 'r1', true))
    outbox.put(vote('v2', 'r1', false))
    outbox.put(vote('v3', 'r1', true, 'user:b'))
    expect(outbox.list('anon:a')).toEqual([vote('v2', 'r1', false)])
    expect(outbox.has('v1')).toBe(false)
  })

  it('removes an entry by its key', () => {
    const outbox = createOutbox(createJsonStore(), 'k')
    outbox.put(submit('s1', 'One'))
    outbox.put(submit('s2', 'Two'))
    outbox.remove('s1')
    expect(outbox.list('anon:a').map((e) => e.key)).toEqual(['s2'])
  })

  it('ignores corrupt or foreign data in storage instead of crashing', () => {
    localStorage.setItem('k', '{not json')
    expect(createOutbox(createJsonStore(), 'k').list('anon:a')).toEqual([])
    localStorage.setItem('k', JSON.stringify([null, 3, { kind: 'submit' }, submit('s1', 'Ok')]))
    expect(createOutbox(createJsonStore(), 'k').list('anon:a')).toEqual([submit('s1', 'Ok')])
  })
})
