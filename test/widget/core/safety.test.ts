import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Reqio } from '../../../src/widget/types'
import {
  addWidgetScript,
  cleanPage,
  loadWidgetJs,
  page,
  settle,
  startCore,
  tokenFor,
} from './helpers'

function callEveryPublicMethod(reqio: Reqio): void {
  reqio.identify(tokenFor('user-1', 0), { refresh: () => tokenFor('user-1') })
  reqio.identify(tokenFor('user-2'))
  reqio.identify(42 as unknown as string)
  reqio.identify('garbage', { refresh: 'not a function' as never })
  reqio.open()
  reqio.close()
  const off = reqio.on('error', () => {
    throw new Error('host listener bug')
  })
  reqio.on('nonsense' as never, undefined as never)
  off()
  reqio.off('ready', () => {})
  reqio.reset()
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(cleanPage)

describe('nothing inside the widget ever throws into the host page', () => {
  it('survives fetch throwing on every public method of window.Reqio', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => {
      throw new Error('fetch exploded')
    })
    addWidgetScript({ 'data-project-id': 'p1', 'data-identity-token': tokenFor('user-0') })
    await loadWidgetJs()

    expect(() => callEveryPublicMethod(page.Reqio)).not.toThrow()
    await settle()
  })

  it('returns network_error from every API call when fetch throws', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => {
      throw new Error('fetch exploded')
    })
    const { core } = await startCore()

    const results = await Promise.all([
      core.api.getProject(),
      core.api.listRequests({ sort: 'top' }),
      core.api.submitRequest({ title: 't' }, 'k'),
      core.api.vote('r1'),
      core.api.unvote('r1'),
      core.api.identify(),
    ])

    expect(results.map((r) => !r.ok && r.error.code)).toEqual(Array(6).fill('network_error'))
  })

  it('reports a UI failure once to the logger and to error listeners', async () => {
    const { reqio } = await startCore(undefined, {
      open() {
        throw new Error('panel failed to render')
      },
    })
    const errors = vi.fn()
    reqio.on('error', errors)

    expect(() => {
      reqio.open()
      reqio.open()
    }).not.toThrow()

    expect(errors).toHaveBeenCalledTimes(2)
    expect(errors).toHaveBeenCalledWith({
      code: 'internal_error',
      message: 'panel failed to render',
    })
    expect(vi.mocked(console.error).mock.calls).toEqual([['[Reqio] panel failed to render']])
  })

  it('keeps calling the other listeners when one of them throws', async () => {
    const { reqio } = await startCore()
    const second = vi.fn()
    reqio.on('reset', () => {
      throw new Error('host bug')
    })
    reqio.on('reset', second)

    expect(() => reqio.reset()).not.toThrow()

    expect(second).toHaveBeenCalledTimes(1)
    expect(vi.mocked(console.error)).toHaveBeenCalledWith(
      expect.stringMatching(/^\[Reqio\] on\('reset'\) listener threw: host bug/),
    )
  })

  it('survives a UI that cannot even be created', async () => {
    vi.resetModules()
    const { createWidget } = await import('../../../src/widget/core')
    const widget = createWidget(
      {
        projectId: 'p1',
        apiUrl: 'https://api.reqio.test',
        position: 'bottom-right',
        launcher: 'default',
        theme: 'light',
      },
      () => {
        throw new Error('no shadow DOM here')
      },
    )
    const ready = vi.fn()
    widget.reqio.on('ready', ready)

    expect(() => widget.mount()).not.toThrow()
    expect(() => widget.reqio.open()).not.toThrow()
    expect(ready).toHaveBeenCalledTimes(1)
  })
})
