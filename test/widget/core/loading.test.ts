import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { REQIO_INLINE_STUB } from '../../../src/shared/inline-stub'
import {
  addWidgetScript,
  anonymousIdOf,
  bearerOf,
  type CapturedRequest,
  captureFetch,
  cleanPage,
  loadWidgetJs,
  page,
  settle,
  tokenFor,
} from './helpers'

function pretendDocumentIsLoading(): () => void {
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' })
  return () => {
    delete (document as { readyState?: unknown }).readyState
    document.dispatchEvent(new Event('DOMContentLoaded'))
  }
}

/**
 * The real UI may prefetch the board when the page is idle; these tests are about what the
 * core sends, so they look at the identify calls.
 */
function identifyCalls(requests: CapturedRequest[]): CapturedRequest[] {
  return requests.filter((request) => request.path.endsWith('/identify'))
}

function runInlineStub(): void {
  // The snippet runs as a classic script in the page, before widget.js.
  new Function(REQIO_INLINE_STUB)()
}

beforeEach(() => {
  addWidgetScript({ 'data-project-id': 'p1' })
})
afterEach(async () => {
  delete (document as { readyState?: unknown }).readyState
  // Let idle-time work (mount, board prefetch) finish against the fetch spy, not the network.
  await settle()
  await settle()
  cleanPage()
})

describe('window.Reqio before and after widget.js initialises', () => {
  it('exists synchronously and queues calls until the page has loaded', async () => {
    const { requests } = captureFetch()
    const finishLoading = pretendDocumentIsLoading()
    const token = tokenFor('user-1')

    await loadWidgetJs()
    const events: string[] = []
    page.Reqio.on('ready', () => events.push('ready'))
    page.Reqio.identify(token)
    await settle()
    expect(requests).toHaveLength(0)
    expect(events).toEqual([])

    finishLoading()
    await settle()

    expect(events).toEqual(['ready'])
    expect(requests[0]?.path).toBe('/v1/projects/p1/identify')
    expect(identifyCalls(requests).map(bearerOf)).toEqual([`Bearer ${token}`])
  })

  it('mounts the UI only when the browser is idle, or at once when the page opens it', async () => {
    captureFetch()
    const finishLoading = pretendDocumentIsLoading()
    await loadWidgetJs()
    finishLoading()
    expect(document.querySelector('reqio-widget')).toBeNull()
    await settle()
    expect(document.querySelectorAll('reqio-widget')).toHaveLength(1)

    cleanPage()
    captureFetch()
    addWidgetScript({ 'data-project-id': 'p1' })
    const finishLoadingAgain = pretendDocumentIsLoading()
    await loadWidgetJs()
    finishLoadingAgain()
    page.Reqio.open()
    // Mounted synchronously by open(), before any idle time could pass.
    expect(document.querySelectorAll('reqio-widget')).toHaveLength(1)
    await settle()
    const shadow = document.querySelector('reqio-widget')?.shadowRoot
    expect(shadow?.querySelector('[role="dialog"]')).not.toBeNull()
  })

  it('replays queued calls in order, identify before any request', async () => {
    const { requests } = captureFetch()
    const finishLoading = pretendDocumentIsLoading()
    const alice = tokenFor('alice')
    const bob = tokenFor('bob')

    await loadWidgetJs()
    const events: string[] = []
    for (const name of ['identify', 'reset', 'ready'] as const)
      page.Reqio.on(name, () => events.push(name))
    page.Reqio.identify(alice)
    page.Reqio.reset()
    page.Reqio.identify(bob)
    finishLoading()
    await settle()

    expect(events).toEqual(['identify', 'reset', 'identify', 'ready'])
    const [first, second] = identifyCalls(requests)
    expect([first, second].map(bearerOf)).toEqual([`Bearer ${alice}`, `Bearer ${bob}`])
    // reset() started a new anonymous id between the two users.
    expect(anonymousIdOf(first)).not.toBe(anonymousIdOf(second))
  })

  it('lets an unsubscribe returned before load remove the listener', async () => {
    captureFetch()
    const finishLoading = pretendDocumentIsLoading()
    await loadWidgetJs()
    const ready = vi.fn()

    const unsubscribe = page.Reqio.on('ready', ready)
    unsubscribe()
    finishLoading()
    await settle()

    expect(ready).not.toHaveBeenCalled()
  })

  it('adopts the inline stub and replays what the page queued before widget.js arrived', async () => {
    const { requests } = captureFetch()
    const token = tokenFor('user-1')
    runInlineStub()
    const stub = page.Reqio
    const ready = vi.fn()
    stub.on('ready', ready)
    stub.identify(token)
    expect(stub.q).toHaveLength(2)

    await loadWidgetJs()
    await settle()

    expect(page.Reqio).toBe(stub)
    expect(stub.q).toHaveLength(0)
    expect(ready).toHaveBeenCalledWith({ projectId: 'p1' })
    expect(requests[0]?.path).toBe('/v1/projects/p1/identify')
    expect(identifyCalls(requests).map(bearerOf)).toEqual([`Bearer ${token}`])
  })

  it('keeps working when the inline stub runs again after widget.js has loaded', async () => {
    const { requests } = captureFetch()
    await loadWidgetJs()
    const token = tokenFor('user-1')

    runInlineStub()
    page.Reqio.identify(token)
    await settle()

    expect(identifyCalls(requests).map(bearerOf)).toEqual([`Bearer ${token}`])
  })

  it('never starts a second instance or replays twice when widget.js is loaded twice', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { requests } = captureFetch()
    runInlineStub()
    const ready = vi.fn()
    const identified = vi.fn()
    page.Reqio.on('ready', ready)
    page.Reqio.on('identify', identified)
    page.Reqio.identify(tokenFor('user-1'))

    await loadWidgetJs()
    const first = page.Reqio
    addWidgetScript({ 'data-project-id': 'p1' })
    await loadWidgetJs()
    await settle()

    expect(page.Reqio).toBe(first)
    expect(ready).toHaveBeenCalledTimes(1)
    expect(identified).toHaveBeenCalledTimes(1)
    expect(identifyCalls(requests)).toHaveLength(1)
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[Reqio\] widget\.js is loaded more than once/),
    )
  })
})
