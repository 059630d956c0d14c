import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WidgetCore } from '../../../src/widget/types'
import {
  anonymousIdOf,
  bearerOf,
  captureFetch,
  cleanPage,
  settle,
  startCore,
  testConfig,
  tokenFor,
} from './helpers'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** Makes one request of every kind the widget knows. */
async function callEveryEndpoint(core: WidgetCore): Promise<void> {
  await core.api.getProject()
  await core.api.listRequests({ sort: 'top', q: 'dark mode' })
  await core.api.submitRequest({ title: 'Dark mode' }, 'key-1')
  await core.api.vote('r1')
  await core.api.unvote('r1')
  await core.api.identify()
}

const EVERY_ENDPOINT = [
  'GET /v1/projects/p1/widget',
  'GET /v1/projects/p1/requests',
  'POST /v1/projects/p1/requests',
  'POST /v1/projects/p1/requests/r1/vote',
  'DELETE /v1/projects/p1/requests/r1/vote',
  'POST /v1/projects/p1/identify',
]

afterEach(cleanPage)

describe('identity headers on every request', () => {
  it('sends the same anonymous id and no Authorization on every request before identify', async () => {
    const { requests } = captureFetch()
    const { core } = await startCore()

    await callEveryEndpoint(core)

    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(EVERY_ENDPOINT)
    const ids = new Set(requests.map(anonymousIdOf))
    expect(ids.size).toBe(1)
    expect([...ids][0]).toMatch(UUID)
    expect(requests.map(bearerOf)).toEqual(EVERY_ENDPOINT.map(() => null))
  })

  it('sends the bearer token and the anonymous id on every request once identified', async () => {
    const { requests } = captureFetch()
    const { reqio, core } = await startCore()
    const token = tokenFor('user-1')

    reqio.identify(token)
    await settle()
    requests.length = 0
    await callEveryEndpoint(core)

    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(EVERY_ENDPOINT)
    for (const request of requests) {
      expect(bearerOf(request)).toBe(`Bearer ${token}`)
      expect(anonymousIdOf(request)).toMatch(UUID)
    }
  })

  it('uses the token from data-identity-token on every request', async () => {
    const token = tokenFor('user-1')
    const { requests } = captureFetch()
    const { core } = await startCore(testConfig({ token }))

    await callEveryEndpoint(core)

    expect(requests.every((r) => bearerOf(r) === `Bearer ${token}`)).toBe(true)
  })

  it('keeps the anonymous id in localStorage across page loads', async () => {
    const { requests } = captureFetch()
    const first = await startCore()
    await first.core.api.getProject()
    const second = await startCore()
    await second.core.api.getProject()

    expect(anonymousIdOf(requests[0])).toMatch(UUID)
    expect(anonymousIdOf(requests[1])).toBe(anonymousIdOf(requests[0]))
  })

  it('falls back to an in-memory anonymous id when storage is blocked', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    const { requests } = captureFetch()
    const { core } = await startCore()

    await core.api.getProject()
    await core.api.vote('r1')

    expect(anonymousIdOf(requests[0])).toMatch(UUID)
    expect(anonymousIdOf(requests[1])).toBe(anonymousIdOf(requests[0]))
  })

  it('sends Content-Type only with a body, and the idempotency key with a submission', async () => {
    const { requests } = captureFetch()
    const { core } = await startCore()

    await core.api.listRequests({ sort: 'new' })
    await core.api.submitRequest({ title: 'Dark mode', body: 'please' }, 'key-42')
    await core.api.vote('r1')

    const [list, submit, vote] = requests
    expect(list?.url).toBe('https://api.reqio.test/v1/projects/p1/requests?sort=new')
    expect(list?.headers.get('Content-Type')).toBeNull()
    expect(vote?.headers.get('Content-Type')).toBeNull()
    expect(submit?.headers.get('Content-Type')).toBe('application/json')
    expect(submit?.headers.get('Idempotency-Key')).toBe('key-42')
    expect(submit?.body).toEqual({ title: 'Dark mode', body: 'please' })
  })
})

describe('merging anonymous activity into the identified user', () => {
  it('posts identify when Reqio.identify() gets a new token, with that token', async () => {
    const { requests } = captureFetch()
    const { reqio } = await startCore()
    const token = tokenFor('user-1')

    reqio.identify(token)
    reqio.identify(token)
    await settle()

    expect(requests.map((r) => `${r.method} ${r.path} ${bearerOf(r)}`)).toEqual([
      `POST /v1/projects/p1/identify Bearer ${token}`,
    ])
  })

  it('merges a data-identity-token on the first page load only', async () => {
    const { requests } = captureFetch()
    await startCore(testConfig({ token: tokenFor('user-1') }))
    await settle()
    await startCore(testConfig({ token: tokenFor('user-1', 250) }))
    await settle()

    expect(requests.map((r) => r.path)).toEqual(['/v1/projects/p1/identify'])
  })

  it('attaches a refresh provider to the server-rendered token without merging twice', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const rendered = tokenFor('user-1')
    const fresh = tokenFor('user-1', 600)
    const { requests } = captureFetch()
    const { reqio, core } = await startCore(testConfig({ token: rendered }))
    const identified = vi.fn()
    reqio.on('identify', identified)

    reqio.identify(rendered, { refresh: async () => fresh })
    await settle()
    vi.advanceTimersByTime(290_000)
    await core.api.getProject()

    expect(identified).not.toHaveBeenCalled()
    expect(requests.map((r) => `${r.path} ${bearerOf(r)}`)).toEqual([
      `/v1/projects/p1/identify Bearer ${rendered}`,
      `/v1/projects/p1/widget Bearer ${fresh}`,
    ])
  })

  it('tries the merge again on the next load when it failed', async () => {
    const { requests } = captureFetch(() => new Response('upstream down', { status: 502 }))
    await startCore(testConfig({ token: tokenFor('user-1') }))
    await settle()
    await startCore(testConfig({ token: tokenFor('user-1') }))
    await settle()

    expect(requests.map((r) => r.path)).toEqual([
      '/v1/projects/p1/identify',
      '/v1/projects/p1/identify',
    ])
  })
})
