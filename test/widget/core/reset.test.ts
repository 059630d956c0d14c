import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  anonymousIdOf,
  bearerOf,
  captureFetch,
  cleanPage,
  settle,
  startCore,
  tokenFor,
} from './helpers'

afterEach(cleanPage)

describe('Reqio.reset() logs the user out of the widget', () => {
  it('forgets the token and the provider and starts a new anonymous id', async () => {
    const { requests } = captureFetch()
    const { reqio, core } = await startCore()
    const refresh = vi.fn(async () => tokenFor('user-1'))
    reqio.identify(tokenFor('user-1', 5), { refresh })
    await settle()
    const before = anonymousIdOf(requests[0])
    requests.length = 0
    refresh.mockClear()

    reqio.reset()
    await core.api.vote('r1')

    expect(bearerOf(requests[0])).toBeNull()
    expect(anonymousIdOf(requests[0])).not.toBe(before)
    expect(refresh).not.toHaveBeenCalled()
  })

  it('emits reset and tells the UI whose state to drop', async () => {
    captureFetch()
    const { reqio, core } = await startCore()
    reqio.identify(tokenFor('user-1'))
    const events: string[] = []
    reqio.on('reset', () => events.push('reset event'))
    core.onIdentityChange(() =>
      events.push(`identity changed to ${core.identityKey().split(':')[0]}`),
    )
    expect(core.identityKey()).toBe('user:user-1')

    reqio.reset()

    expect(events).toEqual(['identity changed to anon', 'reset event'])
  })

  it('gives every anonymous visitor their own identity key, renewed by reset()', async () => {
    captureFetch()
    const { reqio, core } = await startCore()
    const first = core.identityKey()

    reqio.reset()

    expect(first).toMatch(/^anon:[0-9a-f-]{36}$/)
    expect(core.identityKey()).toMatch(/^anon:[0-9a-f-]{36}$/)
    expect(core.identityKey()).not.toBe(first)
  })

  it('tells the UI when identify() switches to another person, not when the token is renewed', async () => {
    captureFetch()
    const { reqio, core } = await startCore()
    const changes = vi.fn()
    core.onIdentityChange(changes)

    reqio.identify(tokenFor('alice'))
    reqio.identify(tokenFor('alice', 200))
    reqio.identify(tokenFor('bob'))

    expect(changes).toHaveBeenCalledTimes(2)
    expect(core.identityKey()).toBe('user:bob')
  })
})
