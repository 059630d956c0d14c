import { afterEach, describe, expect, it, vi } from 'vitest'
import { captureFetch, cleanPage, json, startCore } from './helpers'

afterEach(cleanPage)

describe('the API client answers with results, never exceptions', () => {
  it('returns the data and status of a successful answer', async () => {
    captureFetch()
    const { core } = await startCore()

    const result = await core.api.submitRequest({ title: 'Dark mode' }, 'key-1')

    expect(result).toMatchObject({ ok: true, status: 201, data: { request: { id: 'r1' } } })
  })

  it('maps a JSON error answer to its code, message and status', async () => {
    captureFetch(() =>
      json({ error: { code: 'validation_failed', message: 'title is required' } }, 400),
    )
    const { core } = await startCore()

    expect(await core.api.submitRequest({ title: '' }, 'key-1')).toEqual({
      ok: false,
      error: { code: 'validation_failed', message: 'title is required', status: 400 },
    })
  })

  it('calls an answer that is not JSON a bad_response', async () => {
    captureFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }))
    const { core } = await startCore()

    const result = await core.api.listRequests({ sort: 'top' })

    expect(result).toMatchObject({ ok: false, error: { code: 'bad_response', status: 502 } })
  })

  it('calls a 200 with an HTML body a bad_response too', async () => {
    captureFetch(() => new Response('<html>captive portal</html>', { status: 200 }))
    const { core } = await startCore()

    const result = await core.api.getProject()

    expect(result).toMatchObject({ ok: false, error: { code: 'bad_response', status: 200 } })
  })

  it('reports a network failure as network_error with status 0', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'))
    const { core } = await startCore()

    const result = await core.api.vote('r1')

    expect(result).toMatchObject({ ok: false, error: { code: 'network_error', status: 0 } })
  })

  it('gives up after 10 seconds with timeout', async () => {
    vi.useFakeTimers()
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(
      (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          )
        }),
    )
    const { core } = await startCore()

    const pending = core.api.listRequests({ sort: 'top' })
    await vi.advanceTimersByTimeAsync(9_999)
    let settled = false
    void pending.then(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)

    expect(fetchSpy).toHaveBeenCalledTimes(1)
    expect(await pending).toMatchObject({ ok: false, error: { code: 'timeout', status: 0 } })
  })

  it('reads Retry-After of a 429 into retryAfterSeconds', async () => {
    captureFetch(() =>
      json({ error: { code: 'rate_limited', message: 'slow down' } }, 429, { 'Retry-After': '17' }),
    )
    const { core } = await startCore()

    expect(await core.api.vote('r1')).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'slow down', status: 429, retryAfterSeconds: 17 },
    })
  })

  it('leaves retryAfterSeconds out when Retry-After is not delta-seconds', async () => {
    captureFetch(() =>
      json({ error: { code: 'rate_limited', message: 'slow down' } }, 429, {
        'Retry-After': 'Sat, 01 Mar 2025 12:01:30 GMT',
      }),
    )
    const { core } = await startCore()

    const result = await core.api.vote('r1')

    expect(result).toMatchObject({ ok: false, error: { code: 'rate_limited', status: 429 } })
    expect(!result.ok && 'retryAfterSeconds' in result.error).toBe(false)
  })
})
