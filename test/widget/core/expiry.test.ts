import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  answerLikeTheServer,
  bearerOf,
  captureFetch,
  cleanPage,
  json,
  makeToken,
  settle,
  startCore,
  tokenFor,
} from './helpers'

const expiredAnswer = () =>
  json({ error: { code: 'token_expired', message: 'The identity token has expired' } }, 401)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-03-01T12:00:00Z'))
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(cleanPage)

describe('expiring identity tokens', () => {
  it('renews a token close to expiry once, even for concurrent requests', async () => {
    const { requests } = captureFetch()
    const { reqio, core } = await startCore()
    const fresh = tokenFor('user-1', 300)
    const refresh = vi.fn(async () => fresh)
    reqio.identify(tokenFor('user-1'), { refresh })
    await settle()
    requests.length = 0

    vi.advanceTimersByTime(275_000) // 25 s left: inside the 30 s margin
    await Promise.all([
      core.api.listRequests({ sort: 'top' }),
      core.api.vote('r1'),
      core.api.getProject(),
    ])

    expect(refresh).toHaveBeenCalledTimes(1)
    expect(requests.map(bearerOf)).toEqual([
      `Bearer ${fresh}`,
      `Bearer ${fresh}`,
      `Bearer ${fresh}`,
    ])
  })

  it('keeps the same person when renewing, so the UI keeps its per-user state', async () => {
    captureFetch()
    const { reqio, core } = await startCore()
    const changes = vi.fn()
    reqio.identify(tokenFor('user-1', 10), { refresh: () => tokenFor('user-1') })
    core.onIdentityChange(changes)

    await core.api.getProject()

    expect(changes).not.toHaveBeenCalled()
    expect(core.identityKey()).toBe('user:user-1')
  })

  it('renews and retries once when the server answers 401 token_expired', async () => {
    const rejected = tokenFor('user-1')
    const fresh = tokenFor('user-1', 299)
    // Our clock says the token is fine; the server's disagrees (clock skew) on the vote.
    const { requests } = captureFetch((request) =>
      request.path.endsWith('/vote') && bearerOf(request) === `Bearer ${rejected}`
        ? expiredAnswer()
        : answerLikeTheServer(request),
    )
    const { reqio, core } = await startCore()
    const refresh = vi.fn(async () => fresh)
    reqio.identify(rejected, { refresh })
    await settle()
    requests.length = 0

    const result = await core.api.vote('r1')

    expect(result.ok).toBe(true)
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(requests.map(bearerOf)).toEqual([`Bearer ${rejected}`, `Bearer ${fresh}`])
  })

  it('retries only once when the renewed token is refused as well', async () => {
    const { requests } = captureFetch(expiredAnswer)
    const { reqio, core } = await startCore()
    const refresh = vi.fn(async () => tokenFor('user-1', 299))
    reqio.identify(tokenFor('user-1'), { refresh })
    await settle()
    requests.length = 0
    refresh.mockClear()

    const result = await core.api.vote('r1')

    expect(refresh).toHaveBeenCalledTimes(1)
    expect(requests).toHaveLength(2)
    expect(result).toMatchObject({ ok: false, error: { code: 'token_expired', status: 401 } })
  })

  it('without a provider holds requests back and surfaces token_expired once', async () => {
    const warn = vi.mocked(console.warn)
    const { requests } = captureFetch()
    const { reqio, core } = await startCore()
    const expired = vi.fn()
    reqio.on('token_expired', expired)
    reqio.identify(tokenFor('user-1'))
    await settle()
    requests.length = 0

    vi.advanceTimersByTime(301_000)
    const first = await core.api.vote('r1')
    const second = await core.api.listRequests({ sort: 'top' })

    // The vote waits; the read goes out anonymously, so the board stays readable.
    expect(requests.map((r) => `${r.method} ${bearerOf(r)}`)).toEqual(['GET null'])
    expect(first).toMatchObject({ ok: false, error: { code: 'token_expired', status: 0 } })
    expect(second.ok).toBe(true)
    expect(expired).toHaveBeenCalledTimes(1)
    expect(expired.mock.calls[0]?.[0]).toEqual({ message: expect.stringContaining('expired') })
    expect(warn.mock.calls.filter(([m]) => String(m).includes('has expired'))).toHaveLength(1)
    expect(warn.mock.calls.every(([m]) => String(m).startsWith('[Reqio] '))).toBe(true)
  })

  it('without a provider still sends a token that expires soon but has not yet', async () => {
    const { requests } = captureFetch()
    const { reqio, core } = await startCore()
    const token = tokenFor('user-1', 20)
    reqio.identify(token)
    await settle()
    requests.length = 0

    await core.api.getProject()

    expect(requests.map(bearerOf)).toEqual([`Bearer ${token}`])
  })

  it('surfaces token_expired when the provider fails, instead of going anonymous', async () => {
    const { requests } = captureFetch()
    const { reqio, core } = await startCore()
    const expired = vi.fn()
    reqio.on('token_expired', expired)
    reqio.identify(tokenFor('user-1', 0), {
      refresh: () => Promise.reject(new Error('session gone')),
    })
    await settle()

    const result = await core.api.vote('r1')

    expect(requests).toHaveLength(0)
    expect(result).toMatchObject({ ok: false, error: { code: 'token_expired' } })
    expect(expired).toHaveBeenCalledTimes(1)
  })

  it('after a 401 token_expired without a provider, surfaces token_expired and does not retry', async () => {
    const { requests } = captureFetch(expiredAnswer)
    const { reqio, core } = await startCore()
    const expired = vi.fn()
    reqio.on('token_expired', expired)
    reqio.identify(tokenFor('user-1'))
    await settle()
    requests.length = 0

    const result = await core.api.vote('r1')

    expect(requests).toHaveLength(1)
    expect(result).toMatchObject({ ok: false, error: { code: 'token_expired' } })
    expect(expired).toHaveBeenCalledTimes(1)
  })

  it('never sends a malformed token, and writes never fall back to anonymous', async () => {
    const warn = vi.mocked(console.warn)
    const { requests } = captureFetch()
    const { reqio, core } = await startCore()
    const errors = vi.fn()
    reqio.on('error', errors)
    reqio.identify('not-a-jwt')
    reqio.identify(makeToken({ sub: 'user-1' })) // no exp
    await settle()

    const result = await core.api.vote('r1')
    const read = await core.api.getProject()

    expect(requests.map((r) => `${r.method} ${bearerOf(r)}`)).toEqual(['GET null'])
    expect(result).toMatchObject({ ok: false, error: { code: 'token_malformed', status: 0 } })
    expect(read.ok).toBe(true)
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_malformed' }))
    expect(warn.mock.calls.filter(([m]) => String(m).includes('not a JWT'))).toHaveLength(1)
  })

  it('stays anonymous without complaint when the user never identified', async () => {
    const { requests } = captureFetch()
    const { core } = await startCore()
    vi.advanceTimersByTime(3_600_000)

    expect((await core.api.getProject()).ok).toBe(true)
    expect(bearerOf(requests[0])).toBeNull()
  })

  it('ignores a renewal that finishes after reset()', async () => {
    const { requests } = captureFetch()
    const { reqio, core } = await startCore()
    let answer: (token: string) => void = () => {}
    reqio.identify(tokenFor('user-1', 0), {
      refresh: () => new Promise<string>((resolve) => (answer = resolve)),
    })
    await settle()

    const pending = core.api.getProject()
    await settle()
    reqio.reset()
    answer(tokenFor('user-1'))
    const held = await pending
    await core.api.getProject()

    expect(core.identityKey()).toMatch(/^anon:/)
    expect(held).toMatchObject({ ok: false, error: { code: 'identity_changed' } })
    // Only the request made after reset() went out, anonymously; user-1's waited and was dropped.
    expect(requests.map((r) => `${r.path} ${bearerOf(r)}`)).toEqual(['/v1/projects/p1/widget null'])
  })
})
